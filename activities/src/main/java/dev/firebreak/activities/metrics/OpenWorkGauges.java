package dev.firebreak.activities.metrics;

import dev.firebreak.workflows.incident.messages.Priority;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Open alert groups, open incidents by priority and the heartbeat monitors that expect pings, read
 * from PostgreSQL. A scrape reads
 * PostgreSQL at most once per {@link #TTL_MILLIS}, however many gauges and scrapers ask, so that
 * monitoring never becomes load; a failing read keeps the last values rather than failing a
 * scrape.
 */
@Component
public class OpenWorkGauges implements MeterBinder {

  static final long TTL_MILLIS = 5_000;

  private final JdbcClient jdbc;
  private final Map<String, Long> counts = new ConcurrentHashMap<>();
  private volatile long readAt;

  public OpenWorkGauges(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder(FirebreakMeters.ALERT_GROUPS_OPEN, () -> count("alerts"))
        .description("Alert groups not resolved").register(registry);
    Gauge.builder(FirebreakMeters.HEARTBEATS_DUE, () -> count("heartbeats"))
        .description("Heartbeat monitors, not muted, that have pinged and expect more pings")
        .register(registry);
    for (Priority p : Priority.values()) {
      Gauge.builder(FirebreakMeters.INCIDENTS_OPEN, () -> count(p.name()))
          .tag("priority", p.name())
          .description("Incidents not closed").register(registry);
    }
  }

  long count(String key) {
    refresh();
    return counts.getOrDefault(key, 0L);
  }

  private synchronized void refresh() {
    long now = System.currentTimeMillis();
    if (now - readAt < TTL_MILLIS) {
      return;
    }
    try {
      Map<String, Long> fresh = new java.util.HashMap<>();
      for (Priority p : Priority.values()) {
        fresh.put(p.name(), 0L);
      }
      jdbc.sql("SELECT priority, count(*) FROM incident WHERE status <> 'CLOSED' GROUP BY priority")
          .query(rs -> {
            fresh.put(rs.getString(1), rs.getLong(2));
          });
      fresh.put("alerts", jdbc.sql("SELECT count(*) FROM alert_group WHERE status <> 'RESOLVED'")
          .query(Long.class).single());
      fresh.put("heartbeats", jdbc.sql("SELECT count(*) FROM heartbeat_monitor"
              + " WHERE NOT muted AND last_ping_at IS NOT NULL")
          .query(Long.class).single());
      counts.putAll(fresh);
      readAt = now;
    } catch (RuntimeException e) {
      readAt = now; // keep the last values; try again after the TTL
    }
  }
}
