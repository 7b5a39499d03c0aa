package dev.firebreak.workflows.incident;

import dev.firebreak.workflows.escalation.EscalationWorkflowImpl;
import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.Test;

/**
 * Replays committed histories against the current code: a change that would break incidents
 * already running fails here with a non-determinism error. Add a history for each new shape of
 * workflow ({@link IncidentHistoryRecorder}); guard behaviour changes with {@code
 * Workflow.getVersion}.
 */
class IncidentWorkflowReplayTest {

  @Test
  void aFullLifecycleRecordedByVersionOneReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/incident-lifecycle-v1.json", IncidentWorkflowImpl.class);
  }

  /** Escalation version 1: started for a service's policy, escalated now, acknowledged, replaced. */
  @Test
  void anEscalatedIncidentReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/incident-escalation-v1.json", IncidentWorkflowImpl.class);
  }

  /** incident-catch v1: a timeline entry refused for good is logged and the lifecycle goes on. */
  @Test
  void anIncidentThatSurvivedARefusedWriteReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/incident-catch-v1.json", IncidentWorkflowImpl.class);
  }

  /** escalation-catch v1: the first step's lookup refused for good, the second step paged. */
  @Test
  void anEscalationThatSurvivedARefusedLookupReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/escalation-catch-v1.json", EscalationWorkflowImpl.class);
  }

  /** Paging, escalate-now, acknowledgement, ack timeout re-trigger and stop. */
  @Test
  void anEscalationReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/escalation-v1.json", EscalationWorkflowImpl.class);
  }

  /** cancel-notification-plans v1: acknowledged after two pages, the incident's plans cancelled. */
  @Test
  void anAcknowledgementThatCancelledPlansReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/escalation-cancel-plans-v1.json", EscalationWorkflowImpl.class);
  }
}
