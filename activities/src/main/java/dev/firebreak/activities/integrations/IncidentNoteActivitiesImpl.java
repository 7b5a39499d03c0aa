package dev.firebreak.activities.integrations;

import dev.firebreak.workflows.incident.IncidentWorkflow;
import dev.firebreak.workflows.incident.IncidentChangeRefused;
import dev.firebreak.workflows.incident.messages.AddUpdate;
import dev.firebreak.workflows.integrations.IncidentNoteActivities;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Notes on an incident's timeline through its workflow's {@code addUpdate}. */
@Component("incidentNoteActivities")
public class IncidentNoteActivitiesImpl implements IncidentNoteActivities {

  static final String AUTHOR = "Firebreak";

  private static final Logger log = LoggerFactory.getLogger(IncidentNoteActivitiesImpl.class);

  private final WorkflowClient client;

  public IncidentNoteActivitiesImpl(WorkflowClient client) {
    this.client = client;
  }

  @Override
  public void noteOnIncident(long incidentId, String message) {
    try {
      client.newWorkflowStub(IncidentWorkflow.class, IncidentWorkflow.workflowId(incidentId))
          .addUpdate(new AddUpdate(message, AUTHOR));
    } catch (WorkflowUpdateException e) {
      String reason = IncidentChangeRefused.reasonOf(e).orElseThrow(() -> e);
      log.info("incident {} refused the note ({}): {}", incidentId, reason, message);
    } catch (WorkflowNotFoundException e) {
      log.info("incident {} has no running workflow; not noted: {}", incidentId, message);
    }
  }
}
