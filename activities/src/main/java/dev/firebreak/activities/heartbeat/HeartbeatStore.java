package dev.firebreak.activities.heartbeat;

import dev.firebreak.activities.directory.ServiceStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Heartbeat monitors' configuration and last known state. */
@Repository
public class HeartbeatStore {

  private static final String COLUMNS = "id, name, service_id, key, interval_seconds,"
      + " grace_seconds, muted, status, last_ping_at, created_at, cron, time_zone";

  private final JdbcClient jdbc;

  public HeartbeatStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Monitor create(String name, long serviceId, int intervalSeconds, int graceSeconds) {
    return create(name, serviceId, intervalSeconds, graceSeconds, null, null);
  }

  /** With {@code cron} and {@code timeZone} set, {@code intervalSeconds} must be null. */
  public Monitor create(String name, long serviceId, Integer intervalSeconds, int graceSeconds,
      String cron, String timeZone) {
    long id = jdbc.sql("INSERT INTO heartbeat_monitor (name, service_id, key, interval_seconds,"
            + " grace_seconds, cron, time_zone)"
            + " VALUES (:name, :service, :key, :interval, :grace, :cron, :zone) RETURNING id")
        .param("cron", cron).param("zone", timeZone)
        .param("name", name).param("service", serviceId)
        .param("key", ServiceStore.newIntegrationKey())
        .param("interval", intervalSeconds).param("grace", graceSeconds)
        .query(Long.class).single();
    return find(id).orElseThrow();
  }

  public Optional<Monitor> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM heartbeat_monitor WHERE id = :id")
        .param("id", id).query(HeartbeatStore::monitor).optional();
  }

  public Optional<Monitor> findByKey(String key) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM heartbeat_monitor WHERE key = :key")
        .param("key", key).query(HeartbeatStore::monitor).optional();
  }

  public List<Monitor> list() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM heartbeat_monitor ORDER BY id")
        .query(HeartbeatStore::monitor).list();
  }

  public void pinged(long id, Instant at) {
    jdbc.sql("UPDATE heartbeat_monitor SET last_ping_at = :at,"
            + " status = CASE WHEN status = 'NEW' THEN 'UP' ELSE status END WHERE id = :id")
        .param("at", Timestamp.from(at)).param("id", id).update();
  }

  public void status(long id, String status) {
    jdbc.sql("UPDATE heartbeat_monitor SET status = :status WHERE id = :id")
        .param("status", status).param("id", id).update();
  }

  public void mute(long id, boolean muted) {
    jdbc.sql("UPDATE heartbeat_monitor SET muted = :muted WHERE id = :id")
        .param("muted", muted).param("id", id).update();
  }

  public boolean delete(long id) {
    return jdbc.sql("DELETE FROM heartbeat_monitor WHERE id = :id").param("id", id).update() == 1;
  }

  private static Monitor monitor(ResultSet rs, int n) throws SQLException {
    Timestamp ping = rs.getTimestamp("last_ping_at");
    return new Monitor(rs.getLong("id"), rs.getString("name"), rs.getLong("service_id"),
        rs.getString("key"), rs.getObject("interval_seconds", Integer.class),
        rs.getInt("grace_seconds"), rs.getBoolean("muted"), rs.getString("status"),
        ping == null ? null : ping.toInstant(), rs.getTimestamp("created_at").toInstant(),
        rs.getString("cron"), rs.getString("time_zone"));
  }
}
