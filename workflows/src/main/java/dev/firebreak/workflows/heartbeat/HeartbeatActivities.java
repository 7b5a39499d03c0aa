package dev.firebreak.workflows.heartbeat;

import io.temporal.activity.ActivityInterface;

/** What a heartbeat monitor does when its job falls silent, and when it pings again. */
@ActivityInterface
public interface HeartbeatActivities {

  /** Triggers the monitor's alert on its service (dedup key {@code heartbeat-<key>}). */
  void missed(HeartbeatMonitor monitor, long lastPingMillis);

  /** Resolves the monitor's alert. */
  void recovered(HeartbeatMonitor monitor);
}
