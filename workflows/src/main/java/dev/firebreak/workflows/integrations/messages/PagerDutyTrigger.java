package dev.firebreak.workflows.integrations.messages;

import dev.firebreak.workflows.escalation.messages.EscalationStep;

/**
 * Page a PagerDuty service for a Firebreak incident. {@code escalationStep} is the step of the
 * escalation policy that pages it, or null when a person asked (the escalate endpoint).
 */
public record PagerDutyTrigger(
    long incidentId, String serviceId, String requestedBy, EscalationStep escalationStep) {

  /** A page a person asked for. */
  public PagerDutyTrigger(long incidentId, String serviceId, String requestedBy) {
    this(incidentId, serviceId, requestedBy, null);
  }

  /**
   * PagerDuty's de-duplication key for this incident and service: a retry, or a second request,
   * never opens a second PagerDuty incident.
   */
  public String incidentKey() {
    return "firebreak-incident-" + incidentId + "-" + serviceId;
  }
}
