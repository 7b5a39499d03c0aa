package dev.firebreak.workflows.integrations.messages;

/** Page a PagerDuty service for a Firebreak incident. */
public record PagerDutyTrigger(long incidentId, String serviceId, String requestedBy) {

  /**
   * PagerDuty's de-duplication key for this incident and service: a retry, or a second request,
   * never opens a second PagerDuty incident.
   */
  public String incidentKey() {
    return "firebreak-incident-" + incidentId + "-" + serviceId;
  }
}
