package dev.firebreak.activities.integrations.pagerduty;

import dev.firebreak.workflows.integrations.messages.SyncChange;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** PagerDuty's synced data and the pages Firebreak sent, in PostgreSQL. */
@Repository
public class PagerDutyStore {

  /** One synced table: its key columns and the columns compared to detect a change. */
  public record Table(String name, List<String> keys, List<String> values) {

    List<String> columns() {
      List<String> all = new ArrayList<>(keys);
      all.addAll(values);
      return all;
    }
  }

  public static final Table SERVICES = new Table("pagerduty_service", List.of("id"),
      List.of("name", "status", "html_url", "escalation_policy_id"));
  public static final Table USERS =
      new Table("pagerduty_user", List.of("id"), List.of("name", "email", "html_url"));
  public static final Table SCHEDULES =
      new Table("pagerduty_schedule", List.of("id"), List.of("name", "html_url"));
  public static final Table ESCALATION_POLICIES =
      new Table("pagerduty_escalation_policy", List.of("id"), List.of("name", "html_url"));
  public static final Table ONCALLS = new Table("pagerduty_oncall",
      List.of("escalation_policy_id", "escalation_level", "schedule_id", "user_id"),
      List.of("user_name", "starts_at", "ends_at"));

  /** One current on-call, with the names of what it refers to. */
  public record OnCall(
      String escalationPolicyId,
      String escalationPolicyName,
      int escalationLevel,
      String scheduleId,
      String scheduleName,
      String userId,
      String userName,
      String userEmail,
      Long firebreakUserId,
      Instant start,
      Instant end) {}

  /** A page of a PagerDuty service for an incident. */
  public record Trigger(
      long incidentId, String serviceId, String requestedBy, Instant requestedAt,
      String pagerdutyIncidentId, String pagerdutyUrl) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  public PagerDutyStore(JdbcClient jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /**
   * Makes {@code table} hold exactly {@code rows} (column → value, in one transaction): adds the
   * new ones, updates the changed ones, removes the stale ones, and says how many of each.
   */
  public SyncChange replace(String resource, Table table, List<Map<String, Object>> rows) {
    return transactions.execute(tx -> {
      Map<List<String>, List<String>> existing = new HashMap<>();
      jdbc.sql("SELECT " + String.join(", ", table.columns()) + " FROM " + table.name()
              + " FOR UPDATE")
          .query(rs -> {
            List<String> key = new ArrayList<>();
            for (String column : table.keys()) {
              key.add(normalize(rs.getObject(column)));
            }
            List<String> values = new ArrayList<>();
            for (String column : table.values()) {
              values.add(normalize(rs.getObject(column)));
            }
            existing.put(key, values);
          });
      Map<List<String>, Map<String, Object>> wanted = new LinkedHashMap<>();
      for (Map<String, Object> row : rows) {
        wanted.putIfAbsent(normalized(row, table.keys()), row);
      }
      int added = 0;
      int updated = 0;
      for (Map.Entry<List<String>, Map<String, Object>> entry : wanted.entrySet()) {
        List<String> before = existing.get(entry.getKey());
        if (before == null) {
          insert(table, entry.getValue());
          added++;
        } else if (!before.equals(normalized(entry.getValue(), table.values()))) {
          update(table, entry.getValue());
          updated++;
        }
      }
      int removed = 0;
      for (List<String> key : existing.keySet()) {
        if (!wanted.containsKey(key)) {
          delete(table, key);
          removed++;
        }
      }
      return new SyncChange(resource, added, updated, removed, wanted.size());
    });
  }

  private void insert(Table table, Map<String, Object> row) {
    List<String> columns = table.columns();
    JdbcClient.StatementSpec spec = jdbc.sql("INSERT INTO " + table.name() + " ("
        + String.join(", ", columns) + ") VALUES ("
        + String.join(", ", columns.stream().map(c -> ":" + c).toList()) + ")");
    bind(spec, columns, row).update();
  }

  private void update(Table table, Map<String, Object> row) {
    JdbcClient.StatementSpec spec = jdbc.sql("UPDATE " + table.name() + " SET "
        + String.join(", ", table.values().stream().map(c -> c + " = :" + c).toList())
        + ", synced_at = now() WHERE "
        + String.join(" AND ", table.keys().stream().map(c -> c + " = :" + c).toList()));
    bind(spec, table.columns(), row).update();
  }

  private void delete(Table table, List<String> key) {
    StringBuilder sql = new StringBuilder("DELETE FROM " + table.name() + " WHERE ");
    List<String> clauses = new ArrayList<>();
    for (String column : table.keys()) {
      clauses.add(column + "::text = :" + column);
    }
    sql.append(String.join(" AND ", clauses));
    JdbcClient.StatementSpec spec = jdbc.sql(sql.toString());
    for (int i = 0; i < table.keys().size(); i++) {
      spec = spec.param(table.keys().get(i), key.get(i));
    }
    spec.update();
  }

  private static JdbcClient.StatementSpec bind(
      JdbcClient.StatementSpec spec, List<String> columns, Map<String, Object> row) {
    for (String column : columns) {
      Object value = row.get(column);
      spec = spec.param(column, value instanceof Instant at ? Timestamp.from(at) : value);
    }
    return spec;
  }

  private static List<String> normalized(Map<String, Object> row, List<String> columns) {
    List<String> values = new ArrayList<>();
    for (String column : columns) {
      values.add(normalize(row.get(column)));
    }
    return values;
  }

  private static String normalize(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Timestamp ts) {
      return ts.toInstant().toString();
    }
    if (value instanceof java.time.OffsetDateTime odt) {
      return odt.toInstant().toString();
    }
    return value.toString();
  }

  /** The current on-calls, by escalation policy name, then level, then user name. */
  public List<OnCall> onCalls() {
    return jdbc.sql("""
            SELECT o.escalation_policy_id, p.name AS policy_name, o.escalation_level,
                   o.schedule_id, s.name AS schedule_name, o.user_id,
                   coalesce(u.name, o.user_name) AS user_name, u.email,
                   (SELECT a.id FROM app_user a WHERE lower(a.email) = lower(u.email)) AS app_user_id,
                   o.starts_at, o.ends_at
              FROM pagerduty_oncall o
              LEFT JOIN pagerduty_escalation_policy p ON p.id = o.escalation_policy_id
              LEFT JOIN pagerduty_schedule s ON s.id = o.schedule_id
              LEFT JOIN pagerduty_user u ON u.id = o.user_id
             ORDER BY coalesce(p.name, o.escalation_policy_id), o.escalation_level,
                      coalesce(u.name, o.user_name, o.user_id)""")
        .query((rs, n) -> new OnCall(
            rs.getString("escalation_policy_id"),
            rs.getString("policy_name"),
            rs.getInt("escalation_level"),
            emptyToNull(rs.getString("schedule_id")),
            rs.getString("schedule_name"),
            rs.getString("user_id"),
            rs.getString("user_name"),
            rs.getString("email"),
            (Long) rs.getObject("app_user_id"),
            instant(rs.getTimestamp("starts_at")),
            instant(rs.getTimestamp("ends_at"))))
        .list();
  }

  public Optional<String> serviceName(String serviceId) {
    return jdbc.sql("SELECT name FROM pagerduty_service WHERE id = :id")
        .param("id", serviceId)
        .query(String.class)
        .optional();
  }

  /** Claims the page of {@code serviceId} for an incident; false when it was claimed before. */
  public boolean claimTrigger(long incidentId, String serviceId, String requestedBy) {
    return jdbc.sql("INSERT INTO pagerduty_trigger (incident_id, service_id, requested_by)"
            + " VALUES (:incident, :service, :by) ON CONFLICT DO NOTHING")
        .param("incident", incidentId)
        .param("service", serviceId)
        .param("by", requestedBy)
        .update() == 1;
  }

  public void releaseTrigger(long incidentId, String serviceId) {
    jdbc.sql("DELETE FROM pagerduty_trigger WHERE incident_id = :incident"
            + " AND service_id = :service AND pagerduty_incident_id IS NULL")
        .param("incident", incidentId)
        .param("service", serviceId)
        .update();
  }

  public void saveTriggered(
      long incidentId, String serviceId, String requestedBy, String pagerdutyIncidentId,
      String url) {
    jdbc.sql("INSERT INTO pagerduty_trigger (incident_id, service_id, requested_by,"
            + " pagerduty_incident_id, pagerduty_url) VALUES (:incident, :service, :by, :pd, :url)"
            + " ON CONFLICT (incident_id, service_id) DO UPDATE SET"
            + " pagerduty_incident_id = EXCLUDED.pagerduty_incident_id,"
            + " pagerduty_url = EXCLUDED.pagerduty_url")
        .param("incident", incidentId)
        .param("service", serviceId)
        .param("by", requestedBy)
        .param("pd", pagerdutyIncidentId)
        .param("url", url)
        .update();
  }

  public List<Trigger> triggers(long incidentId) {
    return jdbc.sql("SELECT incident_id, service_id, requested_by, requested_at,"
            + " pagerduty_incident_id, pagerduty_url FROM pagerduty_trigger"
            + " WHERE incident_id = :incident ORDER BY requested_at")
        .param("incident", incidentId)
        .query((rs, n) -> new Trigger(rs.getLong("incident_id"), rs.getString("service_id"),
            rs.getString("requested_by"), instant(rs.getTimestamp("requested_at")),
            rs.getString("pagerduty_incident_id"), rs.getString("pagerduty_url")))
        .list();
  }

  private static Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
