package dev.firebreak.activities.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Response metrics over the incidents declared in a window, from the read model's key events:
 * time to detect (started → detected), to acknowledge (declared → acknowledged, MTTA), to mitigate
 * (declared → mitigated) and to resolve (declared → resolved, MTTR). Incidents without the two
 * events of a metric are left out of it.
 */
@Repository
public class IncidentAnalytics {

  /** Mean, median and 90th percentile in seconds over {@code count} incidents; null when none. */
  public record Duration(long count, Double meanSeconds, Double medianSeconds, Double p90Seconds) {}

  public record Report(
      Instant from,
      Instant to,
      long incidents,
      Map<String, Long> byPriority,
      Map<String, Long> byStatus,
      Duration timeToDetect,
      Duration timeToAcknowledge,
      Duration timeToMitigate,
      Duration timeToResolve) {}

  private final JdbcClient jdbc;

  public IncidentAnalytics(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Report report(Instant from, Instant to, Long serviceId) {
    String where = " WHERE created_at >= :from AND created_at < :to"
        + (serviceId != null ? " AND service_id = :service" : "");
    return new Report(from, to,
        count(where, from, to, serviceId),
        group("priority", where, from, to, serviceId),
        group("status", where, from, to, serviceId),
        duration("started_at", "detected_at", where, from, to, serviceId),
        duration("declared_at", "acknowledged_at", where, from, to, serviceId),
        duration("declared_at", "mitigated_at", where, from, to, serviceId),
        duration("declared_at", "resolved_at", where, from, to, serviceId));
  }

  private long count(String where, Instant from, Instant to, Long serviceId) {
    return params(jdbc.sql("SELECT count(*) FROM incident" + where), from, to, serviceId)
        .query(Long.class).single();
  }

  private Map<String, Long> group(
      String column, String where, Instant from, Instant to, Long serviceId) {
    Map<String, Long> counts = new LinkedHashMap<>();
    params(jdbc.sql("SELECT " + column + " AS k, count(*) AS n FROM incident" + where
            + " GROUP BY " + column + " ORDER BY " + column), from, to, serviceId)
        .query((ResultSet rs) -> {
          counts.put(rs.getString("k"), rs.getLong("n"));
        });
    return counts;
  }

  private Duration duration(
      String start, String end, String where, Instant from, Instant to, Long serviceId) {
    String seconds = "EXTRACT(EPOCH FROM (" + end + " - " + start + "))";
    return params(jdbc.sql("SELECT count(*) AS n, avg(" + seconds + ") AS mean,"
            + " percentile_cont(0.5) WITHIN GROUP (ORDER BY " + seconds + ") AS median,"
            + " percentile_cont(0.9) WITHIN GROUP (ORDER BY " + seconds + ") AS p90"
            + " FROM incident" + where + " AND " + start + " IS NOT NULL AND " + end
            + " IS NOT NULL"), from, to, serviceId)
        .query((rs, n) -> new Duration(rs.getLong("n"), number(rs, "mean"),
            number(rs, "median"), number(rs, "p90")))
        .single();
  }

  private static JdbcClient.StatementSpec params(
      JdbcClient.StatementSpec spec, Instant from, Instant to, Long serviceId) {
    spec.param("from", Timestamp.from(from)).param("to", Timestamp.from(to));
    if (serviceId != null) {
      spec.param("service", serviceId);
    }
    return spec;
  }

  private static Double number(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }
}
