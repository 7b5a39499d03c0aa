package dev.firebreak.workflows.integrations.messages;

/** The PagerDuty incident that a trigger opened (or found open under the same incident key). */
public record PagerDutyTriggered(String pagerdutyIncidentId, String url, String serviceId) {}
