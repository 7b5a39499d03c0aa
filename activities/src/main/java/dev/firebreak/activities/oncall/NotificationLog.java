package dev.firebreak.activities.oncall;

import dev.firebreak.workflows.escalation.Notification;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The pages of escalations, one row per (incident, run, loop, step, user): the idempotency record
 * that keeps a retried or replayed step from paging twice.
 */
@Repository
public class NotificationLog {

  public static final String PENDING = "PENDING";
  public static final String SENT = "SENT";
  public static final String FAILED = "FAILED";

  /** A page as recorded. */
  public record Entry(long incidentId, String run, int loop, int step, long userId, String status,
      String via, String detail, int attempts) {}

  private final JdbcClient jdbc;

  public NotificationLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Entry> find(Notification n) {
    return jdbc.sql("SELECT incident_id, run, loop, step, user_id, status, via, detail, attempts"
            + " FROM escalation_notification WHERE incident_id = :i AND run = :r AND loop = :l"
            + " AND step = :s AND user_id = :u")
        .param("i", n.incidentId()).param("r", n.run()).param("l", n.loop())
        .param("s", n.step()).param("u", n.recipient().userId())
        .query((rs, k) -> new Entry(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
            rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9)))
        .optional();
  }

  /** Records an attempt about to be made (PENDING), counting attempts. */
  public void attempt(Notification n, String via) {
    jdbc.sql("INSERT INTO escalation_notification (incident_id, run, loop, step, user_id, status,"
            + " via, attempts) VALUES (:i, :r, :l, :s, :u, 'PENDING', :via, 1)"
            + " ON CONFLICT (incident_id, run, loop, step, user_id)"
            + " DO UPDATE SET attempts = escalation_notification.attempts + 1")
        .param("i", n.incidentId()).param("r", n.run()).param("l", n.loop())
        .param("s", n.step()).param("u", n.recipient().userId()).param("via", via)
        .update();
  }

  /** Records the outcome: SENT or FAILED, with why. */
  public void finish(Notification n, String status, String via, String detail) {
    jdbc.sql("INSERT INTO escalation_notification (incident_id, run, loop, step, user_id, status,"
            + " via, detail, sent_at) VALUES (:i, :r, :l, :s, :u, :status, :via, :detail,"
            + " CASE WHEN :status = 'SENT' THEN now() END)"
            + " ON CONFLICT (incident_id, run, loop, step, user_id) DO UPDATE SET"
            + " status = EXCLUDED.status, via = EXCLUDED.via, detail = EXCLUDED.detail,"
            + " sent_at = EXCLUDED.sent_at")
        .param("i", n.incidentId()).param("r", n.run()).param("l", n.loop())
        .param("s", n.step()).param("u", n.recipient().userId()).param("status", status)
        .param("via", via).param("detail", detail)
        .update();
  }

  /**
   * When the incident's first page has just been recorded as SENT (it is the only one): the time
   * of its first event (the earliest alert of its groups), or of its opening when it came from
   * no alert. Empty for every later page.
   */
  public Optional<Instant> firstEventIfFirstPage(long incidentId) {
    return jdbc.sql("SELECT COALESCE((SELECT min(first_at) FROM alert_group WHERE incident_id = :i),"
            + " (SELECT created_at FROM incident WHERE id = :i))"
            + " WHERE (SELECT count(*) FROM escalation_notification WHERE incident_id = :i"
            + " AND status = 'SENT') = 1")
        .param("i", incidentId)
        .query((rs, k) -> Optional.ofNullable(rs.getTimestamp(1)).map(t -> t.toInstant()))
        .list().stream().flatMap(Optional::stream).findFirst();
  }

  public List<Entry> forIncident(long incidentId) {
    return jdbc.sql("SELECT incident_id, run, loop, step, user_id, status, via, detail, attempts"
            + " FROM escalation_notification WHERE incident_id = :i"
            + " ORDER BY created_at, run, loop, step, user_id")
        .param("i", incidentId)
        .query((rs, k) -> new Entry(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
            rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9)))
        .list();
  }
}
