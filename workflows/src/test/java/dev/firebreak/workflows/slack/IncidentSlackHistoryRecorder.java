package dev.firebreak.workflows.slack;

import dev.firebreak.workflows.incident.IncidentWorkflow;
import dev.firebreak.workflows.incident.messages.ChangeDetails;
import dev.firebreak.workflows.incident.messages.ChangeStatus;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the history {@link IncidentSlackReplayTest} replays: an incident run with Slack (channel,
 * announcement, invite child with a failing provider, posts). Run only to add a history:
 * {@code ./mvnw -pl workflows test -Dtest=IncidentSlackHistoryRecorder
 * -Dfirebreak.record-histories=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "firebreak.record-histories", matches = "true")
class IncidentSlackHistoryRecorder extends IncidentSlackWorkflowTest {

  @Test
  void recordASlackLifecycle() throws Exception {
    IncidentWorkflow workflow = start(incident(42, Priority.P4), true);
    workflow.changeStatus(new ChangeStatus(Status.INVESTIGATING, "paging payments", null, "alice"));
    workflow.changeDetails(new ChangeDetails(null, null, Priority.P1, null, null, "alice"));
    workflow.changeStatus(new ChangeStatus(Status.MITIGATED, "rolled back", null, "alice"));
    finish(workflow);
    String history = client.fetchHistory(IncidentWorkflow.workflowId(42)).toJson(true);
    Files.writeString(Path.of("src/test/resources/histories/incident-slack-v1.json"), history);
  }
}
