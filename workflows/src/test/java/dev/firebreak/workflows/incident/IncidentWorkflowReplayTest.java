package dev.firebreak.workflows.incident;

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
}
