package dev.firebreak.api.security;

import dev.firebreak.activities.security.AccessStore;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Turns the request's authentication into a {@link Caller}, reading a session user's role fresh. */
@Component
public class Callers {

  private final AccessStore access;

  public Callers(AccessStore access) {
    this.access = access;
  }

  public Optional<Caller> current() {
    return of(SecurityContextHolder.getContext().getAuthentication());
  }

  public Optional<Caller> of(Authentication authentication) {
    if (authentication instanceof TokenLogin token) {
      return Optional.of(token.caller());
    }
    if (authentication instanceof SessionLogin session) {
      return access.role(session.userId()).map(role -> new Caller(
          String.valueOf(session.getPrincipal()), session.userId(), role, null,
          access.managedTeams(session.userId()), session.method()));
    }
    return Optional.empty();
  }

  /** The audit log's name for whoever is asking, "anonymous" when no one logged in. */
  public String name() {
    Authentication a = SecurityContextHolder.getContext().getAuthentication();
    return a instanceof TokenLogin || a instanceof SessionLogin ? a.getName() : "anonymous";
  }
}
