package dev.firebreak.api.security;

import dev.firebreak.activities.security.Role;
import java.util.Set;

/**
 * Who is asking, as the access rules see it: a name for the audit log, their role, and the teams
 * whose configuration they may change. A token limited to a team ({@code tokenTeamId}) manages
 * that team and nothing else.
 *
 * @param userId the Firebreak user, or null for the admin token and tokens without owner
 */
public record Caller(String name, Long userId, Role role, Long tokenTeamId, Set<Long> managedTeams,
    String via) {

  public boolean admin() {
    return role == Role.ADMIN && tokenTeamId == null;
  }

  /** May change configuration of {@code teamId} (null: configuration of no team). */
  public boolean mayManage(Long teamId) {
    if (admin()) {
      return true;
    }
    if (!role.atLeast(Role.RESPONDER) || teamId == null) {
      return false;
    }
    return tokenTeamId != null ? tokenTeamId.equals(teamId) : managedTeams.contains(teamId);
  }
}
