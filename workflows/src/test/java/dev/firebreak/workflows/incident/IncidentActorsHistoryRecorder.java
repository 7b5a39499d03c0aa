package dev.firebreak.workflows.incident;

import dev.firebreak.workflows.incident.messages.Acknowledge;
import dev.firebreak.workflows.incident.messages.Actor;
import dev.firebreak.workflows.incident.messages.AddUpdate;
import dev.firebreak.workflows.incident.messages.ChangeDetails;
import dev.firebreak.workflows.incident.messages.ChangeRoles;
import dev.firebreak.workflows.incident.messages.ChangeStatus;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Status;
import io.temporal.client.WorkflowStub;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the history of an incident whose commands carry an {@link Actor} (who, through which
 * channel), replayed by {@link IncidentActorsReplayTest}. Run it only to add a history:
 * {@code ./mvnw -pl workflows test -Dtest=IncidentActorsHistoryRecorder
 * -Dfirebreak.record-histories=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "firebreak.record-histories", matches = "true")
class IncidentActorsHistoryRecorder extends IncidentWorkflowTest {

  @Test
  void recordALifecycleWithActors() throws Exception {
    Actor alice = new Actor(7L, "Alice", Actor.Channel.SLACK);
    Actor bob = Actor.of("Bob", Actor.Channel.API);
    IncidentWorkflow workflow = start(newIncident(43, Priority.P2), false);
    workflow.acknowledge(new Acknowledge(null, null).by(alice));
    workflow.changeStatus(
        new ChangeStatus(Status.INVESTIGATING, "looking", null, null).by(alice));
    workflow.changeRoles(new ChangeRoles("Alice", "Bob", null).by(bob));
    workflow.addUpdate(new AddUpdate("rollback started", null)
        .by(Actor.of("Carol", Actor.Channel.WEB)));
    workflow.changeDetails(new ChangeDetails(null, null, Priority.P1, null, null, null).by(bob));
    workflow.changeStatus(new ChangeStatus(Status.MITIGATED, "alert resolved", null, null)
        .by(Actor.of("alert checkout-5xx", Actor.Channel.ALERT)));
    workflow.changeStatus(new ChangeStatus(Status.CLOSED, null, null, null).by(bob));
    WorkflowStub.fromTyped(workflow).getResult(Object.class);
    String history = client.fetchHistory(IncidentWorkflow.workflowId(43)).toJson(true);
    Files.writeString(Path.of("src/test/resources/histories/incident-actors-v1.json"), history);
  }
}
