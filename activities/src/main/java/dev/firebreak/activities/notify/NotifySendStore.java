package dev.firebreak.activities.notify;

import dev.firebreak.workflows.notify.messages.NotificationPlan;
import dev.firebreak.workflows.notify.messages.PlanRule;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The record of plans and their sends, one row per (plan, rule): DUE when the plan starts,
 * PENDING just before the provider is called, then SENT, FAILED, STOPPED or BUNDLED. A retried
 * send reads its row first and never sends a SENT one again.
 */
@Repository
public class NotifySendStore {

  public static final String DUE = "DUE";
  public static final String PENDING = "PENDING";
  public static final String SENT = "SENT";
  public static final String FAILED = "FAILED";
  public static final String STOPPED = "STOPPED";
  public static final String BUNDLED = "BUNDLED";

  private static final String COLUMNS = "id, plan_id, rule_key, incident_id, user_id,"
      + " contact_method_id, type, label, to_value, delay_minutes, due_at, status, attempts,"
      + " detail, reply_code, provider_id, delivery, sent_at";

  private final JdbcClient jdbc;

  public NotifySendStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a plan and its rules as DUE; a second call for the same plan changes nothing. */
  public void recordPlan(NotificationPlan plan, List<String> toValues) {
    jdbc.sql("INSERT INTO notify_plan (plan_id, incident_id, user_id, user_name, title,"
            + " priority, paged_at) VALUES (:p, :i, :u, :n, :title, :prio, :at)"
            + " ON CONFLICT (plan_id) DO NOTHING")
        .param("p", plan.planId()).param("i", plan.incidentId()).param("u", plan.userId())
        .param("title", plan.incidentTitle()).param("prio", plan.priority())
        .param("n", plan.userName()).param("at", Timestamp.from(plan.pagedAt())).update();
    for (int k = 0; k < plan.rules().size(); k++) {
      PlanRule rule = plan.rules().get(k);
      jdbc.sql("INSERT INTO notify_send (plan_id, rule_key, incident_id, user_id,"
              + " contact_method_id, type, label, to_value, delay_minutes, due_at) VALUES"
              + " (:p, :k, :i, :u, :c, :t, :l, :v, :d, :due) ON CONFLICT (plan_id, rule_key)"
              + " DO NOTHING")
          .param("p", plan.planId()).param("k", rule.key()).param("i", plan.incidentId())
          .param("u", plan.userId()).param("c", rule.contactMethodId())
          .param("t", rule.type().name()).param("l", rule.label()).param("v", toValues.get(k))
          .param("d", rule.delayMinutes())
          .param("due", Timestamp.from(plan.pagedAt().plusSeconds(60L * rule.delayMinutes())))
          .update();
    }
  }

  public Optional<PageSend> find(String planId, String ruleKey) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM notify_send WHERE plan_id = :p AND rule_key = :k")
        .param("p", planId).param("k", ruleKey).query(NotifySendStore::row).optional();
  }

  public Optional<PageSend> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM notify_send WHERE id = :id")
        .param("id", id).query(NotifySendStore::row).optional();
  }

  public List<PageSend> forIncident(long incidentId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM notify_send WHERE incident_id = :i"
            + " ORDER BY due_at, id")
        .param("i", incidentId).query(NotifySendStore::row).list();
  }

  public List<String> planIds(long incidentId) {
    return jdbc.sql("SELECT plan_id FROM notify_plan WHERE incident_id = :i ORDER BY plan_id")
        .param("i", incidentId).query(String.class).list();
  }

  /** The latest SMS send to {@code phone} with that reply code. */
  public Optional<PageSend> byReplyCode(String phone, String code) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM notify_send WHERE to_value = :v"
            + " AND reply_code = :c ORDER BY id DESC LIMIT 1")
        .param("v", phone).param("c", code).query(NotifySendStore::row).optional();
  }

  /** Reply codes in use for this number by incidents other than {@code incidentId}. */
  public Optional<String> replyCodeFor(String phone, long incidentId) {
    return jdbc.sql("SELECT reply_code FROM notify_send WHERE to_value = :v"
            + " AND incident_id = :i AND reply_code IS NOT NULL ORDER BY id DESC LIMIT 1")
        .param("v", phone).param("i", incidentId).query(String.class).optional();
  }

  public boolean replyCodeTaken(String phone, String code) {
    return jdbc.sql("SELECT count(*) FROM notify_send WHERE to_value = :v AND reply_code = :c")
        .param("v", phone).param("c", code).query(Long.class).single() > 0;
  }

  /** The send is about to be made: PENDING, one more attempt, its reply code. */
  public void attempt(long id, String replyCode) {
    jdbc.sql("UPDATE notify_send SET status = 'PENDING', attempts = attempts + 1,"
            + " reply_code = COALESCE(reply_code, :c) WHERE id = :id")
        .param("id", id).param("c", replyCode).update();
  }

  public void finish(long id, String status, String detail, String providerId) {
    jdbc.sql("UPDATE notify_send SET status = :s, detail = :d, provider_id = :pid,"
            + " sent_at = CASE WHEN :s = 'SENT' THEN now() END WHERE id = :id")
        .param("id", id).param("s", status).param("d", detail).param("pid", providerId)
        .update();
  }

  /** Pages waiting in a bundle were sent with {@code bundle}. */
  public void sentInBundle(List<Long> ids, long bundle) {
    if (ids.isEmpty()) {
      return;
    }
    jdbc.sql("UPDATE notify_send SET status = 'SENT', sent_at = now(), bundled_in = :b,"
            + " detail = :d WHERE id IN (:ids)")
        .param("b", bundle).param("d", "in a bundle of " + (ids.size() + 1) + " pages")
        .param("ids", ids).update();
  }

  /** A cancelled plan: what it had not sent yet is STOPPED. */
  public void stopRest(String planId, String reason) {
    jdbc.sql("UPDATE notify_send SET status = 'STOPPED', detail = :d WHERE plan_id = :p"
            + " AND status IN ('DUE', 'BUNDLED')")
        .param("p", planId).param("d", reason).update();
  }

  /** Keeps a provider's delivery status; true when it changed. */
  public boolean delivery(long id, String status) {
    return jdbc.sql("UPDATE notify_send SET delivery = :s WHERE id = :id"
            + " AND delivery IS DISTINCT FROM :s")
        .param("id", id).param("s", status).update() > 0;
  }

  /** Serialises sends to one contact method for the rest of the transaction. */
  public void lockMethod(long contactMethodId) {
    jdbc.sql("SELECT pg_advisory_xact_lock(:k)").param("k", 0x6e6f746966L * 1_000_000L
        + contactMethodId).query((rs, n) -> 1).list();
  }

  /** The send times to this method since {@code since}, oldest first. */
  public List<Instant> sentSince(long contactMethodId, Instant since) {
    return jdbc.sql("SELECT sent_at FROM notify_send WHERE contact_method_id = :c"
            + " AND status = 'SENT' AND bundled_in IS NULL AND sent_at >= :since"
            + " ORDER BY sent_at")
        .param("c", contactMethodId).param("since", Timestamp.from(since))
        .query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
  }

  /** The incidents of pages waiting in a bundle, as their plans named them. */
  public List<Message.PagedIncident> bundledIncidents(List<Long> sendIds) {
    if (sendIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT s.incident_id, p.title, p.priority FROM notify_send s"
            + " JOIN notify_plan p ON p.plan_id = s.plan_id WHERE s.id IN (:ids) ORDER BY s.id")
        .param("ids", sendIds)
        .query((rs, n) -> new Message.PagedIncident(rs.getLong(1), rs.getString(2),
            rs.getString(3)))
        .list();
  }

  /** Other pages to this method waiting in a bundle. */
  public List<PageSend> bundled(long contactMethodId, long except) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM notify_send WHERE contact_method_id = :c"
            + " AND status = 'BUNDLED' AND id <> :id ORDER BY id")
        .param("c", contactMethodId).param("id", except).query(NotifySendStore::row).list();
  }

  static PageSend row(ResultSet rs, int n) throws SQLException {
    Timestamp sent = rs.getTimestamp("sent_at");
    return new PageSend(rs.getLong("id"), rs.getString("plan_id"), rs.getString("rule_key"),
        rs.getLong("incident_id"), rs.getLong("user_id"), rs.getLong("contact_method_id"),
        rs.getString("type"), rs.getString("label"), rs.getString("to_value"),
        rs.getInt("delay_minutes"), rs.getTimestamp("due_at").toInstant(),
        rs.getString("status"), rs.getInt("attempts"), rs.getString("detail"),
        rs.getString("reply_code"), rs.getString("provider_id"), rs.getString("delivery"),
        sent == null ? null : sent.toInstant());
  }
}
