package dev.firebreak.activities.oncall;

import dev.firebreak.workflows.oncall.Layer;
import dev.firebreak.workflows.oncall.Schedule;
import dev.firebreak.workflows.oncall.ScheduleOverride;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Schedules (layers as JSON) and their overrides. */
@Repository
public class ScheduleStore {

  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<List<Layer>> LAYERS = new TypeReference<>() {};

  private final JdbcClient jdbc;

  public ScheduleStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Fails with {@code DuplicateKeyException} when the name is taken. */
  public Schedule create(Schedule schedule) {
    long id = jdbc.sql("INSERT INTO schedule (name, time_zone, layers)"
            + " VALUES (:name, :zone, CAST(:layers AS JSONB)) RETURNING id")
        .param("name", schedule.name()).param("zone", schedule.timeZone())
        .param("layers", JSON.writeValueAsString(schedule.layers()))
        .query(Long.class).single();
    return new Schedule(id, schedule.name(), schedule.timeZone(), schedule.layers());
  }

  public boolean update(Schedule schedule) {
    return jdbc.sql("UPDATE schedule SET name = :name, time_zone = :zone,"
            + " layers = CAST(:layers AS JSONB) WHERE id = :id")
        .param("id", schedule.id()).param("name", schedule.name())
        .param("zone", schedule.timeZone())
        .param("layers", JSON.writeValueAsString(schedule.layers()))
        .update() == 1;
  }

  public boolean delete(long id) {
    return jdbc.sql("DELETE FROM schedule WHERE id = :id").param("id", id).update() == 1;
  }

  public Optional<Schedule> find(long id) {
    return jdbc.sql("SELECT id, name, time_zone, layers FROM schedule WHERE id = :id")
        .param("id", id).query(ScheduleStore::schedule).optional();
  }

  public List<Schedule> list() {
    return jdbc.sql("SELECT id, name, time_zone, layers FROM schedule ORDER BY id")
        .query(ScheduleStore::schedule).list();
  }

  public ScheduleOverride addOverride(long scheduleId, long userId, Instant start, Instant end) {
    long id = jdbc.sql("INSERT INTO schedule_override (schedule_id, user_id, start_at, end_at)"
            + " VALUES (:s, :u, :start, :end) RETURNING id")
        .param("s", scheduleId).param("u", userId)
        .param("start", Timestamp.from(start)).param("end", Timestamp.from(end))
        .query(Long.class).single();
    return new ScheduleOverride(id, scheduleId, userId, start, end);
  }

  public boolean deleteOverride(long scheduleId, long overrideId) {
    return jdbc.sql("DELETE FROM schedule_override WHERE schedule_id = :s AND id = :id")
        .param("s", scheduleId).param("id", overrideId).update() == 1;
  }

  /** The schedule's overrides that overlap {@code [from, to)}, by start. */
  public List<ScheduleOverride> overrides(long scheduleId, Instant from, Instant to) {
    return jdbc.sql("SELECT id, schedule_id, user_id, start_at, end_at FROM schedule_override"
            + " WHERE schedule_id = :s AND end_at > :from AND start_at < :to"
            + " ORDER BY start_at, id")
        .param("s", scheduleId).param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .query(ScheduleStore::override).list();
  }

  /** The schedule's overrides that have not ended by {@code after}, by start. */
  public List<ScheduleOverride> overrides(long scheduleId, Instant after) {
    return jdbc.sql("SELECT id, schedule_id, user_id, start_at, end_at FROM schedule_override"
            + " WHERE schedule_id = :s AND end_at > :after ORDER BY start_at, id")
        .param("s", scheduleId).param("after", Timestamp.from(after))
        .query(ScheduleStore::override).list();
  }

  private static Schedule schedule(ResultSet rs, int n) throws SQLException {
    return new Schedule(rs.getLong("id"), rs.getString("name"), rs.getString("time_zone"),
        JSON.readValue(rs.getString("layers"), LAYERS));
  }

  private static ScheduleOverride override(ResultSet rs, int n) throws SQLException {
    return new ScheduleOverride(rs.getLong("id"), rs.getLong("schedule_id"),
        rs.getLong("user_id"), rs.getTimestamp("start_at").toInstant(),
        rs.getTimestamp("end_at").toInstant());
  }
}
