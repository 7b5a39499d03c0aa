package dev.firebreak.workflows.incident;

import dev.firebreak.workflows.escalation.EscalatedIncident;

import dev.firebreak.workflows.incident.messages.Acknowledge;
import dev.firebreak.workflows.incident.messages.AddUpdate;
import dev.firebreak.workflows.incident.messages.ChangeDetails;
import dev.firebreak.workflows.incident.messages.ChangeKeyEvents;
import dev.firebreak.workflows.incident.messages.ChangeRoles;
import dev.firebreak.workflows.incident.messages.ChangeStatus;
import dev.firebreak.workflows.incident.messages.Escalate;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.IncidentRun;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One incident's lifecycle, workflow id {@code incident-<id>}. It runs until the incident is
 * CLOSED. Every change is an update whose validator refuses what the lifecycle does not allow, so
 * a refused change is answered to the caller and never enters history.
 */
@WorkflowInterface
public interface IncidentWorkflow extends EscalatedIncident {

  static String workflowId(long incidentId) {
    return EscalatedIncident.workflowId(incidentId);
  }

  @WorkflowMethod
  Incident run(IncidentRun run);

  @QueryMethod
  Incident incident();

  @UpdateMethod
  Incident changeStatus(ChangeStatus change);

  @UpdateValidatorMethod(updateName = "changeStatus")
  void validateChangeStatus(ChangeStatus change);

  @UpdateMethod
  Incident changeRoles(ChangeRoles change);

  @UpdateValidatorMethod(updateName = "changeRoles")
  void validateChangeRoles(ChangeRoles change);

  @UpdateMethod
  Incident changeKeyEvents(ChangeKeyEvents change);

  @UpdateValidatorMethod(updateName = "changeKeyEvents")
  void validateChangeKeyEvents(ChangeKeyEvents change);

  @UpdateMethod
  Incident changeDetails(ChangeDetails change);

  @UpdateValidatorMethod(updateName = "changeDetails")
  void validateChangeDetails(ChangeDetails change);

  @UpdateMethod
  Incident addUpdate(AddUpdate update);

  @UpdateValidatorMethod(updateName = "addUpdate")
  void validateAddUpdate(AddUpdate update);

  /** Someone takes the incident: sets the {@code acknowledged} key event, stops paging. */
  @UpdateMethod
  Incident acknowledge(Acknowledge acknowledge);

  @UpdateValidatorMethod(updateName = "acknowledge")
  void validateAcknowledge(Acknowledge acknowledge);

  /** Page the next step now, or start over with another escalation policy. */
  @UpdateMethod
  Incident escalate(Escalate escalate);

  @UpdateValidatorMethod(updateName = "escalate")
  void validateEscalate(Escalate escalate);
}
