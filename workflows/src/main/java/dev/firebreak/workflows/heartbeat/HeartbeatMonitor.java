package dev.firebreak.workflows.heartbeat;

/** A heartbeat monitor's settings: a ping is expected every interval, plus grace. */
public record HeartbeatMonitor(
    long id, String key, String name, long serviceId, int intervalSeconds, int graceSeconds) {

  /** The dedup key of the alert a missed heartbeat triggers; it contains the monitor's key. */
  public String alertDedupKey() {
    return "heartbeat-" + key;
  }

  public long deadlineMillis() {
    return (intervalSeconds + (long) graceSeconds) * 1000L;
  }
}
