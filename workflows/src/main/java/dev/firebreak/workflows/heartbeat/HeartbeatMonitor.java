package dev.firebreak.workflows.heartbeat;

import java.time.Instant;

/**
 * A heartbeat monitor's settings: a ping is expected every interval, plus grace; or, with a
 * {@code cron} (and its {@code timeZone}), by each run of the cron plus grace.
 */
public record HeartbeatMonitor(long id, String key, String name, long serviceId,
    int intervalSeconds, int graceSeconds, String cron, String timeZone) {

  public HeartbeatMonitor(
      long id, String key, String name, long serviceId, int intervalSeconds, int graceSeconds) {
    this(id, key, name, serviceId, intervalSeconds, graceSeconds, null, null);
  }

  public boolean onCron() {
    return cron != null;
  }

  /**
   * When a monitor whose last ping (or start) came at {@code lastPingMillis} is missed: the next
   * run of the cron after it plus grace, or an interval plus grace after it.
   */
  public long deadlineAfter(long lastPingMillis) {
    if (onCron()) {
      return CronSchedule.next(cron, timeZone, Instant.ofEpochMilli(lastPingMillis)).toEpochMilli()
          + graceSeconds * 1000L;
    }
    return lastPingMillis + deadlineMillis();
  }

  /** The dedup key of the alert a missed heartbeat triggers; it contains the monitor's key. */
  public String alertDedupKey() {
    return "heartbeat-" + key;
  }

  public long deadlineMillis() {
    return (intervalSeconds + (long) graceSeconds) * 1000L;
  }
}
