package dev.firebreak.activities.security;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a user may do: their role, the teams they manage, and their local password with its
 * failed attempts. Read on every request, so a role change takes effect at once.
 */
@Repository
public class AccessStore {

  /** After this many failures in a row a password login is refused for a while. */
  public static final int FREE_ATTEMPTS = 5;

  private final JdbcClient jdbc;

  public AccessStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Role> role(long userId) {
    return jdbc.sql("SELECT role FROM app_user WHERE id = :id").param("id", userId)
        .query(String.class).optional().flatMap(Role::parse);
  }

  public boolean setRole(long userId, Role role) {
    return jdbc.sql("UPDATE app_user SET role = :role WHERE id = :id")
        .param("id", userId).param("role", role.wire()).update() == 1;
  }

  public boolean anyAdmin() {
    return jdbc.sql("SELECT count(*) FROM app_user WHERE role = 'admin'").query(Long.class)
        .single() > 0;
  }

  public Set<Long> managedTeams(long userId) {
    return new TreeSet<>(jdbc.sql("SELECT team_id FROM team_manager WHERE user_id = :u")
        .param("u", userId).query(Long.class).list());
  }

  /** Makes the user a manager of the team, or a plain member again. */
  public void setManager(long teamId, long userId, boolean manager) {
    if (manager) {
      jdbc.sql("INSERT INTO team_manager (team_id, user_id) VALUES (:t, :u) ON CONFLICT DO NOTHING")
          .param("t", teamId).param("u", userId).update();
    } else {
      jdbc.sql("DELETE FROM team_manager WHERE team_id = :t AND user_id = :u")
          .param("t", teamId).param("u", userId).update();
    }
  }

  public Optional<Credential> credential(long userId) {
    return jdbc.sql("SELECT user_id, password_hash, failed_attempts, locked_until"
            + " FROM user_credential WHERE user_id = :u")
        .param("u", userId)
        .query((rs, n) -> new Credential(rs.getLong("user_id"), rs.getString("password_hash"),
            rs.getInt("failed_attempts"),
            ApiTokenStore.instant(rs.getObject("locked_until", OffsetDateTime.class))))
        .optional();
  }

  /** Sets a new password hash and clears the failures. */
  public void setPassword(long userId, String passwordHash) {
    jdbc.sql("INSERT INTO user_credential (user_id, password_hash) VALUES (:u, :h)"
            + " ON CONFLICT (user_id) DO UPDATE SET password_hash = :h, failed_attempts = 0,"
            + " locked_until = NULL, updated_at = now()")
        .param("u", userId).param("h", passwordHash).update();
  }

  /**
   * Counts a failed login and, past {@link #FREE_ATTEMPTS}, refuses logins for a time that
   * doubles with each further failure (30 s, 1 min, 2 min, ... at most 15 min).
   *
   * @return until when logins are refused now, or null
   */
  public Instant failed(long userId, Instant now) {
    int failures = jdbc.sql("UPDATE user_credential SET failed_attempts = failed_attempts + 1"
            + " WHERE user_id = :u RETURNING failed_attempts")
        .param("u", userId).query(Integer.class).optional().orElse(0);
    if (failures < FREE_ATTEMPTS) {
      return null;
    }
    long seconds = Math.min(900, 30L << Math.min(10, failures - FREE_ATTEMPTS));
    Instant until = now.plus(Duration.ofSeconds(seconds));
    jdbc.sql("UPDATE user_credential SET locked_until = :until WHERE user_id = :u")
        .param("u", userId).param("until", ApiTokenStore.offset(until)).update();
    return until;
  }

  public void succeeded(long userId) {
    jdbc.sql("UPDATE user_credential SET failed_attempts = 0, locked_until = NULL"
            + " WHERE user_id = :u AND (failed_attempts > 0 OR locked_until IS NOT NULL)")
        .param("u", userId).update();
  }
}
