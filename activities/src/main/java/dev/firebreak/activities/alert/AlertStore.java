package dev.firebreak.activities.alert;

import dev.firebreak.workflows.alert.messages.AlertAction;
import dev.firebreak.workflows.alert.messages.AlertEventRecord;
import dev.firebreak.workflows.alert.messages.AlertGroup;
import dev.firebreak.workflows.alert.messages.AlertStatus;
import dev.firebreak.workflows.alert.messages.QuarantinedEvent;
import dev.firebreak.workflows.incident.messages.Priority;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The read model of alert groups and their events; suppressed events. */
@Repository
public class AlertStore {

  /** Events a group detail shows. */
  public static final int RECENT_EVENTS = 50;

  private static final String COLUMNS = "id, open_key, workflow_id, service_id, dedup_key, summary,"
      + " source, severity, priority, status, count, first_at, last_at, acknowledged_at,"
      + " resolved_at, incident_id, version";

  private final JdbcClient jdbc;

  public AlertStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Filter of {@link #list}: any may be null. */
  public record Filter(Long serviceId, AlertStatus status) {}

  /**
   * Writes the group unless the stored copy is as new or newer, adds the events not stored yet and
   * answers the group's id. Safe to repeat.
   */
  public long project(AlertGroup g, List<AlertEventRecord> newEvents) {
    Optional<Long> written = jdbc.sql("INSERT INTO alert_group (open_key, workflow_id, service_id,"
            + " dedup_key, summary, source, severity, priority, status, count, first_at, last_at,"
            + " acknowledged_at, resolved_at, incident_id, version) VALUES (:openKey, :workflowId,"
            + " :serviceId, :dedupKey, :summary, :source, :severity, :priority, :status, :count,"
            + " :firstAt, :lastAt, :ackAt, :resolvedAt, :incidentId, :version)"
            + " ON CONFLICT (open_key) DO UPDATE SET summary = EXCLUDED.summary,"
            + " source = EXCLUDED.source, severity = EXCLUDED.severity, status = EXCLUDED.status,"
            + " count = EXCLUDED.count, last_at = EXCLUDED.last_at,"
            + " acknowledged_at = EXCLUDED.acknowledged_at, resolved_at = EXCLUDED.resolved_at,"
            + " incident_id = COALESCE(EXCLUDED.incident_id, alert_group.incident_id),"
            + " version = EXCLUDED.version, updated_at = now()"
            + " WHERE alert_group.version < EXCLUDED.version RETURNING id")
        .param("openKey", g.openKey())
        .param("workflowId", g.workflowId())
        .param("serviceId", g.serviceId())
        .param("dedupKey", g.dedupKey())
        .param("summary", cap(g.summary(), 1024))
        .param("source", cap(g.source(), 1024))
        .param("severity", g.severity())
        .param("priority", g.priority() == null ? null : g.priority().name())
        .param("status", g.status().name())
        .param("count", g.count())
        .param("firstAt", timestamp(g.firstAt()))
        .param("lastAt", timestamp(g.lastAt()))
        .param("ackAt", timestamp(g.acknowledgedAt()))
        .param("resolvedAt", timestamp(g.resolvedAt()))
        .param("incidentId", g.incidentId())
        .param("version", g.version())
        .query(Long.class).optional();
    long id = written.orElseGet(() -> jdbc.sql("SELECT id FROM alert_group WHERE open_key = :k")
        .param("k", g.openKey()).query(Long.class).single());
    for (AlertEventRecord e : newEvents) {
      jdbc.sql("INSERT INTO alert_event (alert_group_id, seq, at, action, count, summary, severity,"
              + " details) VALUES (:id, :seq, :at, :action, :count, :summary, :severity, :details)"
              + " ON CONFLICT (alert_group_id, seq) DO NOTHING")
          .param("id", id)
          .param("seq", e.seq())
          .param("at", timestamp(e.at()))
          .param("action", e.action().name())
          .param("count", e.count())
          .param("summary", cap(e.summary(), 1024))
          .param("severity", e.severity())
          .param("details", e.details())
          .update();
    }
    return id;
  }

  public Optional<Long> incidentOf(long groupId) {
    return jdbc.sql("SELECT incident_id FROM alert_group WHERE id = :id").param("id", groupId)
        .query((rs, n) -> rs.getObject(1, Long.class)).optional().filter(v -> v != null);
  }

  public void linkIncident(long groupId, long incidentId) {
    jdbc.sql("UPDATE alert_group SET incident_id = :incident WHERE id = :id")
        .param("incident", incidentId).param("id", groupId).update();
  }

  public Optional<AlertGroup> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM alert_group WHERE id = :id").param("id", id)
        .query(AlertStore::group).optional();
  }

  /** Newest first. */
  public List<AlertGroup> list(Filter filter, int limit, int offset) {
    List<String> where = new ArrayList<>();
    JdbcClient.StatementSpec spec = jdbc.sql("SELECT " + COLUMNS + " FROM alert_group"
        + where(filter, where) + " ORDER BY id DESC LIMIT :limit OFFSET :offset");
    bindFilter(spec, filter);
    return spec.param("limit", limit).param("offset", offset).query(AlertStore::group).list();
  }

  public long count(Filter filter) {
    JdbcClient.StatementSpec spec =
        jdbc.sql("SELECT count(*) FROM alert_group" + where(filter, new ArrayList<>()));
    bindFilter(spec, filter);
    return spec.query(Long.class).single();
  }

  /** The group's latest events, newest first. */
  public List<AlertEventRecord> recentEvents(long groupId) {
    return jdbc.sql("SELECT seq, at, action, count, summary, severity, details FROM alert_event"
            + " WHERE alert_group_id = :id ORDER BY seq DESC LIMIT " + RECENT_EVENTS)
        .param("id", groupId)
        .query((rs, n) -> new AlertEventRecord(rs.getInt("seq"), instant(rs, "at"),
            AlertAction.valueOf(rs.getString("action")), rs.getInt("count"),
            rs.getString("summary"), rs.getString("severity"), rs.getString("details")))
        .list();
  }

  public long suppress(long serviceId, String ruleName, String dedupKey, String action,
      String summary, String event) {
    return jdbc.sql("INSERT INTO suppressed_event (service_id, rule_name, dedup_key, action,"
            + " summary, event) VALUES (:service, :rule, :dedupKey, :action, :summary, :event)"
            + " RETURNING id")
        .param("service", serviceId).param("rule", cap(ruleName, 255))
        .param("dedupKey", cap(dedupKey, 255)).param("action", action)
        .param("summary", cap(summary, 1024)).param("event", event)
        .query(Long.class).single();
  }

  /**
   * Keeps a quarantined event in a form that cannot be refused (TEXT columns, {@link #escaped}
   * text); the last write of a key wins. Answers whether the key was new.
   */
  public boolean quarantine(QuarantinedEvent q, String eventJson) {
    return jdbc.sql("INSERT INTO alert_quarantine (quarantine_key, workflow_id, service_id,"
            + " dedup_key, alert_group_id, reason, event, quarantined_at) VALUES (:key,"
            + " :workflowId, :service, :dedupKey, :groupId, :reason, :event, :at)"
            + " ON CONFLICT (quarantine_key) DO UPDATE SET alert_group_id ="
            + " EXCLUDED.alert_group_id, reason = EXCLUDED.reason, event = EXCLUDED.event,"
            + " quarantined_at = EXCLUDED.quarantined_at RETURNING (xmax = 0)")
        .param("key", escaped(q.key()))
        .param("workflowId", escaped(q.workflowId()))
        .param("service", q.serviceId())
        .param("dedupKey", escaped(q.dedupKey()))
        .param("groupId", q.groupId())
        .param("reason", escaped(q.reason()))
        .param("event", escaped(eventJson))
        .param("at", timestamp(q.at()))
        .query(Boolean.class).single();
  }

  /** The group's quarantined events, newest first. */
  public List<QuarantineEntry> quarantined(long groupId, int limit) {
    return jdbc.sql("SELECT id, workflow_id, service_id, dedup_key, alert_group_id, reason,"
            + " event, quarantined_at FROM alert_quarantine WHERE alert_group_id = :group"
            + " ORDER BY id DESC LIMIT :limit")
        .param("group", groupId).param("limit", limit)
        .query(AlertStore::quarantined).list();
  }

  /**
   * Quarantined events that belong to no stored group (the group itself was refused, e.g. for
   * its dedup key), newest first; {@code serviceId} may be null for all services.
   */
  public List<QuarantineEntry> quarantinedWithoutGroup(Long serviceId, int limit) {
    return jdbc.sql("SELECT id, workflow_id, service_id, dedup_key, alert_group_id, reason,"
            + " event, quarantined_at FROM alert_quarantine WHERE alert_group_id IS NULL"
            + (serviceId == null ? "" : " AND service_id = :service")
            + " ORDER BY id DESC LIMIT :limit")
        .paramSource(serviceId == null ? Map.of("limit", limit)
            : Map.of("limit", limit, "service", serviceId))
        .query(AlertStore::quarantined).list();
  }

  /**
   * {@code text} as PostgreSQL always accepts it: a NUL character or a lone surrogate becomes
   * the six characters of its JSON escape ({@code \\u0000}).
   */
  public static String escaped(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1));
      if (pair) {
        out.append(c).append(text.charAt(++i));
      } else if (c == 0 || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  public List<SuppressedEvent> suppressed(long serviceId, int limit) {
    return jdbc.sql("SELECT id, service_id, rule_name, dedup_key, action, summary, event,"
            + " received_at FROM suppressed_event WHERE service_id = :service"
            + " ORDER BY id DESC LIMIT :limit")
        .param("service", serviceId).param("limit", limit)
        .query((rs, n) -> new SuppressedEvent(rs.getLong("id"), rs.getLong("service_id"),
            rs.getString("rule_name"), rs.getString("dedup_key"), rs.getString("action"),
            rs.getString("summary"), rs.getString("event"), instant(rs, "received_at")))
        .list();
  }

  private static String where(Filter filter, List<String> clauses) {
    if (filter.serviceId() != null) {
      clauses.add("service_id = :serviceId");
    }
    if (filter.status() != null) {
      clauses.add("status = :status");
    }
    return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
  }

  private static void bindFilter(JdbcClient.StatementSpec spec, Filter filter) {
    if (filter.serviceId() != null) {
      spec.param("serviceId", filter.serviceId());
    }
    if (filter.status() != null) {
      spec.param("status", filter.status().name());
    }
  }

  static String cap(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static QuarantineEntry quarantined(ResultSet rs, int n) throws SQLException {
    return new QuarantineEntry(rs.getLong("id"), rs.getString("workflow_id"), rs.getLong("service_id"),
        rs.getString("dedup_key"), rs.getObject("alert_group_id", Long.class),
        rs.getString("reason"), rs.getString("event"), instant(rs, "quarantined_at"));
  }

  private static AlertGroup group(ResultSet rs, int n) throws SQLException {
    String priority = rs.getString("priority");
    return new AlertGroup(rs.getLong("id"), rs.getString("open_key"), rs.getString("workflow_id"),
        rs.getLong("service_id"), rs.getString("dedup_key"), rs.getString("summary"),
        rs.getString("source"), rs.getString("severity"),
        priority == null ? null : Priority.valueOf(priority),
        AlertStatus.valueOf(rs.getString("status")), rs.getLong("count"),
        instant(rs, "first_at"), instant(rs, "last_at"), instant(rs, "acknowledged_at"),
        instant(rs, "resolved_at"), rs.getObject("incident_id", Long.class),
        rs.getLong("version"));
  }
}
