package dev.firebreak.activities.heartbeat;

/** Lets the end-to-end test restart the set-up and silence the pings of {@link SelfHeartbeat}. */
public final class SelfHeartbeatAccess {

  private SelfHeartbeatAccess() {}

  public static void ensure(Object selfHeartbeat) {
    ((SelfHeartbeat) selfHeartbeat).ensure();
  }

  public static void stop(Object selfHeartbeat) {
    ((SelfHeartbeat) selfHeartbeat).stop();
  }
}
