package dev.firebreak.activities.incident;

import dev.firebreak.workflows.incident.IncidentChangeRefused;
import dev.firebreak.workflows.incident.IncidentWorkflow;
import dev.firebreak.workflows.incident.messages.Acknowledge;
import dev.firebreak.workflows.incident.messages.AddUpdate;
import dev.firebreak.workflows.incident.messages.ChangeDetails;
import dev.firebreak.workflows.incident.messages.ChangeKeyEvents;
import dev.firebreak.workflows.incident.messages.ChangeRoles;
import dev.firebreak.workflows.incident.messages.ChangeStatus;
import dev.firebreak.workflows.incident.messages.Escalate;
import dev.firebreak.workflows.incident.messages.EscalationNote;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.IncidentRun;
import dev.firebreak.workflows.incident.messages.Status;
import io.temporal.workflow.Workflow;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An incident workflow that records every command it applies, for testing the gateway that sends
 * them. Its validator refuses going back to OPEN, as the real lifecycle does.
 */
public class RecordingIncidentWorkflow implements IncidentWorkflow {

  /** What the handlers applied, in order, across the test JVM. */
  static final List<Object> APPLIED = new CopyOnWriteArrayList<>();

  private Incident incident;

  @Override
  public Incident run(IncidentRun run) {
    incident = run.incident();
    Workflow.await(() -> incident.status() == Status.CLOSED);
    return incident;
  }

  @Override
  public Incident incident() {
    return incident;
  }

  private Incident apply(Object command) {
    APPLIED.add(command);
    return incident;
  }

  @Override
  public Incident changeStatus(ChangeStatus change) {
    APPLIED.add(change);
    incident = incident.withStatus(change.status(), change.closureReason());
    return incident;
  }

  @Override
  public void validateChangeStatus(ChangeStatus change) {
    if (change.status() == Status.OPEN) {
      throw new IncidentChangeRefused("an incident cannot go back to OPEN");
    }
  }

  @Override
  public Incident changeRoles(ChangeRoles change) {
    return apply(change);
  }

  @Override
  public void validateChangeRoles(ChangeRoles change) {}

  @Override
  public Incident changeKeyEvents(ChangeKeyEvents change) {
    return apply(change);
  }

  @Override
  public void validateChangeKeyEvents(ChangeKeyEvents change) {}

  @Override
  public Incident changeDetails(ChangeDetails change) {
    return apply(change);
  }

  @Override
  public void validateChangeDetails(ChangeDetails change) {}

  @Override
  public Incident addUpdate(AddUpdate update) {
    return apply(update);
  }

  @Override
  public void validateAddUpdate(AddUpdate update) {}

  @Override
  public Incident acknowledge(Acknowledge acknowledge) {
    return apply(acknowledge);
  }

  @Override
  public void validateAcknowledge(Acknowledge acknowledge) {}

  @Override
  public Incident escalate(Escalate escalate) {
    return apply(escalate);
  }

  @Override
  public void validateEscalate(Escalate escalate) {}

  @Override
  public void noteEscalation(EscalationNote note) {}
}
