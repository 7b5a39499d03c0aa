package dev.firebreak.workflows.alert;

import dev.firebreak.workflows.heartbeat.HeartbeatMonitorWorkflowImpl;
import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.Test;

/**
 * Replays committed alert group and heartbeat monitor histories against the current code, so a
 * change that would break running groups or monitors fails here; guard such changes with {@code
 * Workflow.getVersion}.
 */
class SignalsReplayTest {

  /** Triggers (one opening a P1 incident), an acknowledge, a trigger and a resolve in one batch. */
  @Test
  void anAlertGroupReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/alert-group-v1.json", AlertGroupWorkflowImpl.class);
  }

  /** The same, recorded after the incident began to follow its alert group's ack and resolve. */
  @Test
  void anAlertGroupWhoseIncidentFollowsReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/alert-group-v2.json", AlertGroupWorkflowImpl.class);
  }

  /** A poison trigger amid good ones, quarantined, and the group resolved after it. */
  @Test
  void anAlertGroupThatQuarantinedAnEventReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/alert-group-v3-quarantine.json", AlertGroupWorkflowImpl.class);
  }

  /** heartbeat-catch v1: a miss refused for good, the monitor still watching, a ping, stop. */
  @Test
  void aHeartbeatMonitorThatSurvivedARefusedMissReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/heartbeat-catch-v1.json", HeartbeatMonitorWorkflowImpl.class);
  }

  /** Pings, a miss and its recovery, mute and unmute, stop. */
  @Test
  void aHeartbeatMonitorReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/heartbeat-monitor-v1.json", HeartbeatMonitorWorkflowImpl.class);
  }
}
