package dev.firebreak.activities.security;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API tokens: only a SHA-256 of each is kept, so the secret is shown once, at creation. */
@Repository
public class ApiTokenStore {

  private static final String COLUMNS = "id, name, prefix, role, team_id, created_by, owner_id,"
      + " expires_at, created_at, revoked_at, last_used_at";
  private static final RowMapper<ApiToken> ROW = (rs, n) -> new ApiToken(rs.getLong("id"),
      rs.getString("name"), rs.getString("prefix"), Role.parse(rs.getString("role")).orElseThrow(),
      rs.getObject("team_id", Long.class), rs.getString("created_by"),
      rs.getObject("owner_id", Long.class), instant(rs.getObject("expires_at", OffsetDateTime.class)),
      instant(rs.getObject("created_at", OffsetDateTime.class)),
      instant(rs.getObject("revoked_at", OffsetDateTime.class)),
      instant(rs.getObject("last_used_at", OffsetDateTime.class)));

  private final JdbcClient jdbc;

  public ApiTokenStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public IssuedToken issue(String name, Role role, Long teamId, String createdBy, Long ownerId,
      Instant expiresAt) {
    String secret = Secrets.generate("fbt_");
    long id = jdbc.sql("INSERT INTO api_token (name, token_hash, prefix, role, team_id,"
            + " created_by, owner_id, expires_at) VALUES (:name, :hash, :prefix, :role, :team,"
            + " :by, :owner, :expires) RETURNING id")
        .param("name", name).param("hash", Secrets.sha256(secret))
        .param("prefix", secret.substring(0, 10)).param("role", role.wire())
        .param("team", teamId).param("by", createdBy).param("owner", ownerId)
        .param("expires", offset(expiresAt))
        .query(Long.class).single();
    return new IssuedToken(find(id).orElseThrow(), secret);
  }

  /**
   * The token whose secret this is, if any. The lookup is by hash: the database compares digests,
   * never the secret, so its timing reveals nothing useful.
   */
  public Optional<ApiToken> findBySecret(String secret) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE token_hash = :hash")
        .param("hash", Secrets.sha256(secret)).query(ROW).optional();
  }

  public Optional<ApiToken> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE id = :id").param("id", id)
        .query(ROW).optional();
  }

  /** Every token, or those of one owner when {@code ownerId} is set. */
  public List<ApiToken> list(Long ownerId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM api_token"
            + " WHERE CAST(:owner AS BIGINT) IS NULL OR owner_id = :owner ORDER BY id")
        .param("owner", ownerId).query(ROW).list();
  }

  /** Idempotent: revoking a revoked token keeps its first revocation time. */
  public boolean revoke(long id) {
    return jdbc.sql("UPDATE api_token SET revoked_at = coalesce(revoked_at, now()) WHERE id = :id")
        .param("id", id).update() == 1;
  }

  public void used(long id) {
    jdbc.sql("UPDATE api_token SET last_used_at = now() WHERE id = :id"
            + " AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')")
        .param("id", id).update();
  }

  static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }

  static OffsetDateTime offset(Instant t) {
    return t == null ? null : t.atOffset(ZoneOffset.UTC);
  }
}
