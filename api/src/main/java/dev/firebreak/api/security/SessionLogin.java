package dev.firebreak.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * A browser session's login (password or OIDC): only the user's id is kept in the session, their
 * role and teams are read on each request so that a change takes effect at once.
 */
public final class SessionLogin extends AbstractAuthenticationToken {

  private static final long serialVersionUID = 1L;

  private final long userId;
  private final String email;
  private final String method;

  public SessionLogin(long userId, String email, String method) {
    super(List.of(new SimpleGrantedAuthority("ROLE_USER")));
    this.userId = userId;
    this.email = email;
    this.method = method;
    setAuthenticated(true);
  }

  /** Makes this the login of the request's session (a new session id against fixation). */
  public void start(SecurityContextRepository contexts, HttpServletRequest request,
      HttpServletResponse response) {
    if (request.getSession(false) != null) {
      request.changeSessionId();
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(this);
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
  }

  public long userId() {
    return userId;
  }

  public String method() {
    return method;
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public Object getPrincipal() {
    return email;
  }
}
