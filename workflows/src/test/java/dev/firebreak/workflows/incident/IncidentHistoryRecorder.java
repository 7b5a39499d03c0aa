package dev.firebreak.workflows.incident;

import dev.firebreak.workflows.incident.messages.AddUpdate;
import dev.firebreak.workflows.incident.messages.ChangeKeyEvents;
import dev.firebreak.workflows.incident.messages.ChangeRoles;
import dev.firebreak.workflows.incident.messages.ChangeStatus;
import dev.firebreak.workflows.incident.messages.KeyEvents;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Status;
import io.temporal.client.WorkflowStub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the workflow histories that {@link IncidentWorkflowReplayTest} replays. Run it only when
 * a history is to be added, never to overwrite one that running workflows may have:
 * {@code ./mvnw -pl workflows test -Dtest=IncidentHistoryRecorder -Dfirebreak.record-histories=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "firebreak.record-histories", matches = "true")
class IncidentHistoryRecorder extends IncidentWorkflowTest {

  @Test
  void recordALifecycle() throws Exception {
    IncidentWorkflow workflow = start(newIncident(42, Priority.P1), false);
    workflow.changeStatus(new ChangeStatus(Status.INVESTIGATING, "paging the payments team", null,
        "alice"));
    workflow.changeRoles(new ChangeRoles("alice", "bob", "alice"));
    workflow.addUpdate(new AddUpdate("error rate 40%, started after the 09:50 deploy", "bob"));
    try {
      workflow.changeStatus(new ChangeStatus(Status.CLOSED, null, null, "bob"));
    } catch (io.temporal.client.WorkflowUpdateException refused) {
      // refused changes leave no trace in history; kept to prove it on replay
    }
    workflow.changeStatus(new ChangeStatus(Status.MITIGATED, "deploy rolled back", null, "alice"));
    workflow.changeKeyEvents(new ChangeKeyEvents(
        new KeyEvents(Instant.parse("2026-11-22T09:50:00Z"), Instant.parse("2026-11-22T09:55:00Z"),
            null, null, null, null), "alice"));
    workflow.changeStatus(new ChangeStatus(Status.CLOSED, null, null, "alice"));
    WorkflowStub.fromTyped(workflow).getResult(Object.class);
    String history =
        client.fetchHistory(IncidentWorkflow.workflowId(42)).toJson(true);
    Path out = Path.of("src/test/resources/histories/incident-lifecycle-v1.json");
    Files.writeString(out, history);
  }

  /** incident-catch v1: a timeline entry the store refuses for good, and the lifecycle goes on. */
  @Test
  void recordARefusedTimelineEntry() throws Exception {
    IncidentWorkflow workflow = start(newIncident(43, Priority.P3), false);
    workflow.addUpdate(new AddUpdate("NUL \u0000 here", "bob"));
    workflow.addUpdate(new AddUpdate("Rolled back", "bob"));
    workflow.changeStatus(new ChangeStatus(Status.CLOSED, null,
        dev.firebreak.workflows.incident.messages.ClosureReason.FALSE_POSITIVE, "alice"));
    WorkflowStub.fromTyped(workflow).getResult(Object.class);
    Files.writeString(Path.of("src/test/resources/histories/incident-catch-v1.json"),
        client.fetchHistory(IncidentWorkflow.workflowId(43)).toJson(true));
  }
}
