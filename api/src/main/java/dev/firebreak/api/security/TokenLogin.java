package dev.firebreak.api.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by a bearer token: lives for that request only, never in a session. */
public final class TokenLogin extends AbstractAuthenticationToken {

  private static final long serialVersionUID = 1L;

  private final transient Caller caller;

  public TokenLogin(Caller caller) {
    super(List.of(new SimpleGrantedAuthority("ROLE_TOKEN")));
    this.caller = caller;
    setAuthenticated(true);
  }

  public Caller caller() {
    return caller;
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public Object getPrincipal() {
    return caller.name();
  }
}
