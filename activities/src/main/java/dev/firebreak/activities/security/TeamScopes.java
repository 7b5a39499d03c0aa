package dev.firebreak.activities.security;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Maps a piece of configuration to the team it belongs to, which decides who may change it, and
 * reads it whole for the audit log's before and after.
 */
@Repository
public class TeamScopes {

  /** Whether the thing exists, and its team (null: no team, so only admins change it). */
  public record Owner(boolean exists, Long teamId) {}

  private final JdbcClient jdbc;

  public TeamScopes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Owner owner(Owned kind, long id) {
    if (kind.teamQuery == null) {
      return new Owner(true, null);
    }
    return jdbc.sql(kind.teamQuery).param("id", id)
        .query((rs, n) -> new Owner(true, rs.getObject(1, Long.class)))
        .optional().orElse(new Owner(false, null));
  }

  public Owner serviceOwner(long serviceId) {
    return owner(Owned.SERVICE, serviceId);
  }

  /** The row as JSON, or empty when it does not exist. */
  public Optional<String> snapshot(Owned kind, long id) {
    return jdbc.sql(kind.rowQuery).param("id", id).query(String.class).optional();
  }

  /** Gives a schedule or escalation policy to a team (null: to admins only). */
  public boolean assign(Owned kind, long id, Long teamId) {
    String table = switch (kind) {
      case SCHEDULE -> "schedule";
      case ESCALATION_POLICY -> "escalation_policy";
      default -> throw new IllegalArgumentException(kind + " takes its team from elsewhere");
    };
    return jdbc.sql("UPDATE " + table + " SET team_id = :team WHERE id = :id")
        .param("team", teamId).param("id", id).update() == 1;
  }
}
