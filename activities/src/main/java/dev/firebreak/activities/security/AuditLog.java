package dev.firebreak.activities.security;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The audit log: every configuration change and authentication event, with who, when, what, and
 * the state before and after as JSON (secrets masked by the caller).
 */
@Repository
public class AuditLog {

  public record Entry(long id, Instant at, String actor, String action, String target,
      String before, String after, String detail) {}

  private final JdbcClient jdbc;

  public AuditLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(String actor, String action, String target, String before, String after,
      String detail) {
    jdbc.sql("INSERT INTO audit_event (actor, action, target, before, after, detail)"
            + " VALUES (:actor, :action, :target, CAST(:before AS JSONB), CAST(:after AS JSONB),"
            + " :detail)")
        .param("actor", actor).param("action", cut(action, 128)).param("target", cut(target, 255))
        .param("before", before).param("after", after).param("detail", detail).update();
  }

  /** The newest first, optionally of one actor and since a time, at most {@code limit}. */
  public List<Entry> find(String actor, Instant since, int limit) {
    return jdbc.sql("SELECT id, at, actor, action, target, before::text AS b, after::text AS a,"
            + " detail FROM audit_event"
            + " WHERE (CAST(:actor AS TEXT) IS NULL OR actor = :actor)"
            + " AND (CAST(:since AS TIMESTAMPTZ) IS NULL OR at >= :since)"
            + " ORDER BY id DESC LIMIT :limit")
        .param("actor", actor).param("since", ApiTokenStore.offset(since)).param("limit", limit)
        .query((rs, n) -> new Entry(rs.getLong("id"),
            rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
            rs.getString("action"), rs.getString("target"), rs.getString("b"), rs.getString("a"),
            rs.getString("detail")))
        .list();
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
