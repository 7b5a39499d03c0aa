package dev.firebreak.activities.maintenance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Maintenance windows, and the "in maintenance" mark of alert groups. */
@Repository
public class MaintenanceStore {

  private static final String COLUMNS = "id, service_id, starts_at, ends_at, reason, created_by";

  private final JdbcClient jdbc;

  public MaintenanceStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public MaintenanceWindow create(long serviceId, Instant start, Instant end, String reason,
      String createdBy) {
    long id = jdbc.sql("INSERT INTO maintenance_window (service_id, starts_at, ends_at, reason,"
            + " created_by) VALUES (:service, :start, :end, :reason, :by) RETURNING id")
        .param("service", serviceId).param("start", Timestamp.from(start))
        .param("end", Timestamp.from(end)).param("reason", reason).param("by", createdBy)
        .query(Long.class).single();
    return new MaintenanceWindow(id, serviceId, start, end, reason, createdBy);
  }

  /** The window covering {@code at} that ends last, if any. */
  public Optional<MaintenanceWindow> covering(long serviceId, Instant at) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM maintenance_window WHERE service_id = :service"
            + " AND starts_at <= :at AND ends_at > :at ORDER BY ends_at DESC LIMIT 1")
        .param("service", serviceId).param("at", Timestamp.from(at))
        .query(MaintenanceStore::window).optional();
  }

  /** Windows that have not ended at {@code now}, soonest first. */
  public List<MaintenanceWindow> current(long serviceId, Instant now) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM maintenance_window WHERE service_id = :service"
            + " AND ends_at > :now ORDER BY starts_at, id")
        .param("service", serviceId).param("now", Timestamp.from(now))
        .query(MaintenanceStore::window).list();
  }

  public void markGroup(long groupId, Instant until) {
    jdbc.sql("UPDATE alert_group SET maintenance_until = :until WHERE id = :id")
        .param("until", until == null ? null : Timestamp.from(until)).param("id", groupId)
        .update();
  }

  /** Until when the group is held by a maintenance window, if it is. */
  public Optional<Instant> groupHeldUntil(long groupId) {
    return jdbc.sql("SELECT maintenance_until FROM alert_group WHERE id = :id"
            + " AND maintenance_until IS NOT NULL")
        .param("id", groupId).query(Timestamp.class).optional().map(Timestamp::toInstant);
  }

  private static MaintenanceWindow window(ResultSet rs, int n) throws SQLException {
    return new MaintenanceWindow(rs.getLong("id"), rs.getLong("service_id"),
        rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
        rs.getString("reason"), rs.getString("created_by"));
  }
}
