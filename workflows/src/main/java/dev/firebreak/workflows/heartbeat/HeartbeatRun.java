package dev.firebreak.workflows.heartbeat;

/**
 * What a {@code HeartbeatMonitorWorkflow} run starts from. {@code lastPingMillis} is when the
 * last ping came (or the monitor started), {@code down} whether its alert is open.
 */
public record HeartbeatRun(
    HeartbeatMonitor monitor, boolean muted, boolean down, long lastPingMillis, long pings) {

  public static HeartbeatRun first(HeartbeatMonitor monitor) {
    return new HeartbeatRun(monitor, false, false, 0, 0);
  }
}
