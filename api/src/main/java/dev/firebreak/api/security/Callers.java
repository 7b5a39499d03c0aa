package dev.firebreak.api.security;

import dev.firebreak.activities.directory.User;
import dev.firebreak.activities.security.Accounts;
import dev.firebreak.workflows.incident.messages.Actor;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Turns the request's authentication into a {@link Caller}, reading a session user's role fresh. */
@Component
public class Callers {

  private final Accounts access;

  public Callers(Accounts access) {
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

  /**
   * Who acts on an incident, as its timeline names them: the caller's user (id and name) when
   * there is one, else the token's name; via the web app for a session, the API for a token. A
   * name in the request body is not trusted for this: it would let anyone act as anyone.
   */
  public Optional<Actor> actor() {
    Authentication a = SecurityContextHolder.getContext().getAuthentication();
    Actor.Channel channel = a instanceof SessionLogin ? Actor.Channel.WEB : Actor.Channel.API;
    return of(a).map(c -> new Actor(c.userId(), c.userId() == null ? c.name()
        : access.user(c.userId()).map(User::name).orElse(c.name()), channel));
  }

  /** The audit log's name for whoever is asking, "anonymous" when no one logged in. */
  public String name() {
    Authentication a = SecurityContextHolder.getContext().getAuthentication();
    return a instanceof TokenLogin || a instanceof SessionLogin ? a.getName() : "anonymous";
  }
}
