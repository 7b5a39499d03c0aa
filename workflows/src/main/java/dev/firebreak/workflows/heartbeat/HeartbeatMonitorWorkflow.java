package dev.firebreak.workflows.heartbeat;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One heartbeat monitor, workflow id {@code heartbeat-<key>}: a timer that each ping moves. No ping
 * within interval + grace triggers an alert on the service; the next ping resolves it. It
 * continues as new every few hundred pings, so a minute ping for years stays far below
 * Temporal's history limits.
 */
@WorkflowInterface
public interface HeartbeatMonitorWorkflow {

  static String workflowId(String key) {
    return "heartbeat-" + key;
  }

  @WorkflowMethod
  void run(HeartbeatRun run);

  @SignalMethod
  void ping();

  /** A muted monitor raises no alert; unmuting re-arms it. */
  @SignalMethod
  void mute(boolean muted);

  /** Ends the monitor, resolving its alert if open. */
  @SignalMethod
  void stop();

  /** {@code UP}, {@code DOWN}, {@code MUTED}. */
  @QueryMethod
  String state();
}
