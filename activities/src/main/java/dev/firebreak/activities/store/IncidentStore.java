package dev.firebreak.activities.store;

import dev.firebreak.workflows.incident.messages.ClosureReason;
import dev.firebreak.workflows.incident.messages.Environment;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.KeyEvents;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Roles;
import dev.firebreak.workflows.incident.messages.Status;
import dev.firebreak.workflows.incident.messages.TimelineEntry;
import dev.firebreak.workflows.incident.messages.TimelineKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The PostgreSQL read model of incidents: written by projections, read by the API. */
@Repository
public class IncidentStore {

  private static final String COLUMNS =
      "id, title, description, priority, environment, category, private, dedup_key, created_at,"
          + " created_by, status, closure_reason, commander, communication_lead, started_at,"
          + " detected_at, declared_at, mitigated_at, recovered_at, resolved_at, version, service_id,"
          + " acknowledged_at";

  private static final String VALUES =
      ":id, :title, :description, :priority, :environment, :category, :private, :dedupKey,"
          + " :createdAt, :createdBy, :status, :closureReason, :commander, :communicationLead,"
          + " :started, :detected, :declared, :mitigated, :recovered, :resolved, :version, :serviceId,"
          + " :acknowledged";

  private final JdbcClient jdbc;

  public IncidentStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The next incident number; numbers are never reused, and may skip after a refused creation. */
  public long nextId() {
    return jdbc.sql("SELECT nextval('incident_id_seq')").query(Long.class).single();
  }

  /**
   * Stores a new incident. Fails with {@link org.springframework.dao.DuplicateKeyException} when
   * another incident that is not CLOSED has the same dedup key.
   */
  public void insert(Incident incident) {
    bind(jdbc.sql("INSERT INTO incident (" + COLUMNS + ") VALUES (" + VALUES + ")"), incident)
        .update();
  }

  /**
   * Writes {@code incident} unless the stored copy is as new or newer, then adds the timeline
   * entries that are not stored yet. Safe to repeat and to call out of order.
   */
  public void project(Incident incident, List<TimelineEntry> newEntries) {
    bind(
            jdbc.sql(
                "INSERT INTO incident (" + COLUMNS + ") VALUES (" + VALUES + ")"
                    + " ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title,"
                    + " description = EXCLUDED.description, priority = EXCLUDED.priority,"
                    + " environment = EXCLUDED.environment, category = EXCLUDED.category,"
                    + " private = EXCLUDED.private, status = EXCLUDED.status,"
                    + " closure_reason = EXCLUDED.closure_reason, commander = EXCLUDED.commander,"
                    + " communication_lead = EXCLUDED.communication_lead,"
                    + " started_at = EXCLUDED.started_at, detected_at = EXCLUDED.detected_at,"
                    + " declared_at = EXCLUDED.declared_at, mitigated_at = EXCLUDED.mitigated_at,"
                    + " recovered_at = EXCLUDED.recovered_at, resolved_at = EXCLUDED.resolved_at,"
                    + " version = EXCLUDED.version, service_id = EXCLUDED.service_id, updated_at = now(),"
                    + " acknowledged_at = EXCLUDED.acknowledged_at"
                    + " WHERE incident.version < EXCLUDED.version"),
            incident)
        .update();
    addTimeline(newEntries);
  }

  /** Adds the timeline entries that are not stored yet; stored ones are left as they are. */
  public void addTimeline(List<TimelineEntry> newEntries) {
    for (TimelineEntry entry : newEntries) {
      jdbc.sql(
              "INSERT INTO incident_timeline (incident_id, seq, at, kind, message, author)"
                  + " VALUES (:incidentId, :seq, :at, :kind, :message, :author)"
                  + " ON CONFLICT (incident_id, seq) DO NOTHING")
          .param("incidentId", entry.incidentId())
          .param("seq", entry.seq())
          .param("at", timestamp(entry.at()))
          .param("kind", entry.kind().name())
          .param("message", entry.message())
          .param("author", entry.author())
          .update();
    }
  }

  public Optional<Incident> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM incident WHERE id = :id")
        .param("id", id)
        .query(IncidentStore::incident)
        .optional();
  }

  public Optional<Incident> findOpenByDedupKey(String dedupKey) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM incident WHERE dedup_key = :key AND status <> 'CLOSED'")
        .param("key", dedupKey)
        .query(IncidentStore::incident)
        .optional();
  }

  /** Newest first. */
  public List<Incident> list(IncidentFilter filter, int limit, int offset) {
    Where where = where(filter);
    JdbcClient.StatementSpec spec =
        jdbc.sql("SELECT " + COLUMNS + " FROM incident" + where.sql()
                + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
            .param("limit", limit)
            .param("offset", offset);
    where.params().forEach(p -> spec.param(p.name(), p.value()));
    return spec.query(IncidentStore::incident).list();
  }

  public long count(IncidentFilter filter) {
    Where where = where(filter);
    JdbcClient.StatementSpec spec = jdbc.sql("SELECT count(*) FROM incident" + where.sql());
    where.params().forEach(p -> spec.param(p.name(), p.value()));
    return spec.query(Long.class).single();
  }

  public List<TimelineEntry> timeline(long incidentId) {
    return jdbc.sql(
            "SELECT incident_id, seq, at, kind, message, author FROM incident_timeline"
                + " WHERE incident_id = :id ORDER BY seq")
        .param("id", incidentId)
        .query((rs, n) -> new TimelineEntry(
            rs.getLong("incident_id"),
            rs.getInt("seq"),
            instant(rs, "at"),
            TimelineKind.valueOf(rs.getString("kind")),
            rs.getString("message"),
            rs.getString("author")))
        .list();
  }

  private record Param(String name, Object value) {}

  private record Where(String sql, List<Param> params) {}

  private static Where where(IncidentFilter filter) {
    List<String> clauses = new ArrayList<>();
    List<Param> params = new ArrayList<>();
    if (filter.status() != null) {
      clauses.add("status = :status");
      params.add(new Param("status", filter.status().name()));
    }
    if (filter.priority() != null) {
      clauses.add("priority = :priority");
      params.add(new Param("priority", filter.priority().name()));
    }
    if (filter.environment() != null) {
      clauses.add("environment = :environment");
      params.add(new Param("environment", filter.environment().name()));
    }
    String sql = clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    return new Where(sql, params);
  }

  private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Incident i) {
    KeyEvents k = i.keyEvents();
    Roles r = i.roles();
    return spec.param("id", i.id())
        .param("title", i.title())
        .param("description", i.description())
        .param("priority", i.priority().name())
        .param("environment", i.environment().name())
        .param("category", i.category())
        .param("private", i.privateIncident())
        .param("dedupKey", i.dedupKey())
        .param("createdAt", timestamp(i.createdAt()))
        .param("createdBy", i.createdBy())
        .param("status", i.status().name())
        .param("closureReason", i.closureReason() == null ? null : i.closureReason().name())
        .param("commander", r.commander())
        .param("communicationLead", r.communicationLead())
        .param("started", timestamp(k.started()))
        .param("detected", timestamp(k.detected()))
        .param("declared", timestamp(k.declared()))
        .param("mitigated", timestamp(k.mitigated()))
        .param("recovered", timestamp(k.recovered()))
        .param("resolved", timestamp(k.resolved()))
        .param("version", i.version())
        .param("serviceId", i.serviceId())
        .param("acknowledged", timestamp(k.acknowledged()));
  }

  private static Incident incident(ResultSet rs, int rowNum) throws SQLException {
    String closure = rs.getString("closure_reason");
    return new Incident(
        rs.getLong("id"),
        rs.getString("title"),
        rs.getString("description"),
        Priority.valueOf(rs.getString("priority")),
        Environment.valueOf(rs.getString("environment")),
        rs.getString("category"),
        rs.getBoolean("private"),
        rs.getString("dedup_key"),
        instant(rs, "created_at"),
        rs.getString("created_by"),
        Status.valueOf(rs.getString("status")),
        closure == null ? null : ClosureReason.valueOf(closure),
        new Roles(rs.getString("commander"), rs.getString("communication_lead")),
        new KeyEvents(
            instant(rs, "started_at"),
            instant(rs, "detected_at"),
            instant(rs, "declared_at"),
            instant(rs, "mitigated_at"),
            instant(rs, "recovered_at"),
            instant(rs, "resolved_at"),
            instant(rs, "acknowledged_at")),
        rs.getLong("version"),
        rs.getObject("service_id", Long.class));
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp ts = rs.getTimestamp(column);
    return ts == null ? null : ts.toInstant();
  }
}
