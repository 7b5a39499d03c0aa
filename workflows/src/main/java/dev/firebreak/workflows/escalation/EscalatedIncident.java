package dev.firebreak.workflows.escalation;

import dev.firebreak.workflows.incident.messages.EscalationNote;
import io.temporal.workflow.SignalMethod;

/**
 * The incident as its escalations see it: the one signal an escalation sends back to the incident
 * that started it. {@code IncidentWorkflow} extends it, so the signal keeps its name and an
 * escalation needs nothing else of the incident package (no package cycle).
 */
public interface EscalatedIncident {

  /** The incident's workflow id, {@code incident-<id>}. */
  static String workflowId(long incidentId) {
    return "incident-" + incidentId;
  }

  /** What an escalation did, written on the timeline. */
  @SignalMethod
  void noteEscalation(EscalationNote note);
}
