package dev.firebreak.workflows.slack;

import dev.firebreak.workflows.incident.IncidentWorkflowImpl;
import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.Test;

/**
 * Replays an incident recorded with Slack on (version 1 of {@link IncidentSlack#CHANGE_ID}): a
 * P4 raised to P1 that then opens its channel, announces, invites (one provider failing) and posts
 * its changes. A change to the Slack part that would break running incidents fails here.
 */
class IncidentSlackReplayTest {

  @Test
  void anIncidentRecordedWithSlackReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/incident-slack-v1.json", IncidentWorkflowImpl.class, InviteWorkflowImpl.class);
  }
}
