package dev.firebreak.api.security;

import dev.firebreak.activities.security.Owned;
import dev.firebreak.activities.security.Role;
import dev.firebreak.activities.security.TeamScopes.Owner;
import java.util.Locale;

/**
 * Who may call one route. {@link #check} answers null to let the caller through, or the reason
 * for a 403. {@code kind} and {@code var} name what the route changes, for the audit log's before
 * and after; {@code audited} is false for routes that change no configuration.
 */
record Rule(Check check, boolean open, Owned kind, String var, boolean audited) {

  /** Null to allow, else the reason to refuse. The caller is null only on open routes. */
  @FunctionalInterface
  interface Check {
    String refusal(Caller caller, Route route);
  }

  /** Open to anyone: the route authenticates its sender itself (a key or signature). */
  static Rule openRoute() {
    return new Rule((c, r) -> null, true, null, null, false);
  }

  /** Anyone logged in, observers included: reads, who is on call, escalation. */
  static Rule anyone() {
    return new Rule((c, r) -> null, false, null, null, false);
  }

  /** Responders and admins: the work on incidents. */
  static Rule responder() {
    return new Rule(Rule::responderRefusal, false, null, null, false);
  }

  static Rule admin() {
    return new Rule((c, r) -> c.admin() ? null : "only an admin may " + r.key, false, null, null,
        true);
  }

  /** Admins, or managers of the team that owns the thing named by path variable {@code var}. */
  static Rule team(Owned kind, String var) {
    return new Rule((c, r) -> {
      Long id = r.id(var);
      Owner owner = id == null ? new Owner(false, null) : r.scopes.owner(kind, id);
      if (!owner.exists()) {
        // nothing to protect: the controller answers 404, unless an observer asks to change it
        return responderRefusal(c, r);
      }
      return teamRefusal(c, owner.teamId(), name(kind) + " " + id);
    }, false, kind, var, true);
  }

  /** Admins, or managers of the team named in the body's {@code field} (a create or a move). */
  static Rule bodyTeam(String field, Owned kind) {
    return new Rule((c, r) -> teamRefusal(c, r.bodyLong(field), "a " + name(kind)
        + (r.bodyLong(field) == null ? " without " + field : " of team " + r.bodyLong(field))),
        false, kind, null, true);
  }

  /** Admins, or managers of the team of the service named in the body's {@code field}. */
  static Rule bodyService(String field, Owned kind) {
    return new Rule((c, r) -> {
      Long serviceId = r.bodyLong(field);
      Owner owner = serviceId == null ? new Owner(false, null) : r.scopes.serviceOwner(serviceId);
      if (!owner.exists()) {
        return responderRefusal(c, r);
      }
      return teamRefusal(c, owner.teamId(), "a " + name(kind) + " of service " + serviceId);
    }, false, kind, null, true);
  }

  /** The user named by path variable {@code var} themselves, or an admin. */
  static Rule selfOrAdmin(String var) {
    return new Rule((c, r) -> c.admin() || (c.userId() != null && c.userId().equals(r.id(var))
        && c.tokenTeamId() == null) ? null : "only an admin or the user themselves may " + r.key,
        false, Owned.USER, var, true);
  }

  /** Every one of {@code rules} must allow; the first refusal is the answer. */
  Rule and(Rule other) {
    return new Rule((c, r) -> {
      String first = check.refusal(c, r);
      return first != null ? first : other.check.refusal(c, r);
    }, open, kind, var, audited);
  }

  /** Allowed when the responder acts for themselves ({@code field} of the body is their id). */
  Rule orSelfInBody(String field) {
    return new Rule((c, r) -> {
      if (c.role().atLeast(Role.RESPONDER) && c.userId() != null && c.tokenTeamId() == null
          && c.userId().equals(r.bodyLong(field))) {
        return null;
      }
      return check.refusal(c, r);
    }, open, kind, var, audited);
  }

  /** Audits the thing named by path variable {@code var} before and after a change. */
  Rule about(Owned what, String pathVar) {
    return new Rule(check, open, what, pathVar, true);
  }

  /** Changes no configuration: left out of the audit log (incidents keep their own timeline). */
  Rule unaudited() {
    return new Rule(check, open, kind, var, false);
  }

  private static String responderRefusal(Caller c, Route r) {
    return c.role().atLeast(Role.RESPONDER) ? null
        : "an " + c.role().wire() + " may only read; " + r.key + " needs a responder or admin";
  }

  private static String teamRefusal(Caller c, Long teamId, String what) {
    if (c.mayManage(teamId)) {
      return null;
    }
    if (!c.role().atLeast(Role.RESPONDER)) {
      return "an " + c.role().wire() + " may only read";
    }
    if (teamId == null) {
      return what + " belongs to no team: only an admin may change it";
    }
    if (c.tokenTeamId() != null) {
      return "this token is limited to team " + c.tokenTeamId() + "; " + what
          + " belongs to team " + teamId;
    }
    return "only managers of team " + teamId + " or admins may change " + what;
  }

  private static String name(Owned kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
