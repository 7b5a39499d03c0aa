package dev.firebreak.activities.shiftswap;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Shift requests; EXPIRED is read, never written: an OPEN request whose start has passed. */
@Repository
public class ShiftRequestStore {

  private static final String COLUMNS = "id, schedule_id, requester_id, starts_at, ends_at, note,"
      + " status, taken_by, override_id";

  private final JdbcClient jdbc;

  public ShiftRequestStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long create(long scheduleId, long requesterId, Instant start, Instant end, String note) {
    return jdbc.sql("INSERT INTO shift_request (schedule_id, requester_id, starts_at, ends_at,"
            + " note) VALUES (:schedule, :requester, :start, :end, :note) RETURNING id")
        .param("schedule", scheduleId).param("requester", requesterId)
        .param("start", Timestamp.from(start)).param("end", Timestamp.from(end))
        .param("note", note).query(Long.class).single();
  }

  public Optional<ShiftRequest> find(long scheduleId, long id, Instant now) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM shift_request WHERE id = :id"
            + " AND schedule_id = :schedule")
        .param("id", id).param("schedule", scheduleId)
        .query((rs, n) -> request(rs, now)).optional();
  }

  /** Locks the request until the transaction ends: two takers cannot both take it. */
  public Optional<ShiftRequest> lock(long scheduleId, long id, Instant now) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM shift_request WHERE id = :id"
            + " AND schedule_id = :schedule FOR UPDATE")
        .param("id", id).param("schedule", scheduleId)
        .query((rs, n) -> request(rs, now)).optional();
  }

  public List<ShiftRequest> list(long scheduleId, Instant now) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM shift_request WHERE schedule_id = :schedule"
            + " ORDER BY starts_at, id")
        .param("schedule", scheduleId).query((rs, n) -> request(rs, now)).list();
  }

  public void taken(long id, long takerId, long overrideId, Instant at) {
    jdbc.sql("UPDATE shift_request SET status = 'TAKEN', taken_by = :taker,"
            + " override_id = :override, taken_at = :at WHERE id = :id AND status = 'OPEN'")
        .param("taker", takerId).param("override", overrideId).param("at", Timestamp.from(at))
        .param("id", id).update();
  }

  private static ShiftRequest request(ResultSet rs, Instant now) throws SQLException {
    Instant start = rs.getTimestamp("starts_at").toInstant();
    String status = rs.getString("status");
    if ("OPEN".equals(status) && !start.isAfter(now)) {
      status = "EXPIRED";
    }
    return new ShiftRequest(rs.getLong("id"), rs.getLong("schedule_id"),
        rs.getLong("requester_id"), start, rs.getTimestamp("ends_at").toInstant(),
        rs.getString("note"), status, rs.getObject("taken_by", Long.class),
        rs.getObject("override_id", Long.class));
  }
}
