package dev.firebreak.api.slack;

import dev.firebreak.api.incident.IncidentService;
import dev.firebreak.workflows.incident.IncidentWorkflow;
import dev.firebreak.workflows.incident.IncidentChangeRefused;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.Status;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Sends Slack's changes to incident workflows as updates with an id derived from the Slack
 * interaction (the view, the event), so a repeated delivery is the same update to Temporal and
 * is applied once.
 */
@Component
public class SlackIncidentUpdates {

  /** The lifecycle refused the change; the message says why. */
  public static class Refused extends RuntimeException {
    public Refused(String reason) {
      super(reason);
    }
  }

  private final WorkflowClient client;
  private final IncidentService incidents;

  public SlackIncidentUpdates(WorkflowClient client, IncidentService incidents) {
    this.client = client;
    this.incidents = incidents;
  }

  public Incident apply(long incidentId, String updateName, String updateId, Object change) {
    Incident current = incidents.get(incidentId);
    if (current.status() == Status.CLOSED) {
      throw new Refused("incident " + incidentId + " is CLOSED");
    }
    try {
      return client.newUntypedWorkflowStub(IncidentWorkflow.workflowId(incidentId))
          .startUpdate(
              UpdateOptions.newBuilder(Incident.class)
                  .setUpdateName(updateName)
                  .setUpdateId(updateId)
                  .setWaitForStage(WorkflowUpdateStage.COMPLETED)
                  .build(),
              change)
          .getResult();
    } catch (WorkflowUpdateException e) {
      Optional<String> refused = IncidentChangeRefused.reasonOf(e);
      if (refused.isPresent()) {
        throw new Refused(refused.get());
      }
      throw e;
    }
  }
}
