package dev.firebreak.workflows.incident;

import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.Test;

/** Replays an incident that created a Jira ticket (after a retry) and a postmortem page. */
class IncidentIntegrationsReplayTest {

  @Test
  void aLifecycleWithJiraAndAPostmortemPageReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/incident-integrations-v1.json", IncidentWorkflowImpl.class);
  }
}
