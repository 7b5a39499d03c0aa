package dev.firebreak.workflows.incident.messages;

/**
 * The incident's escalations: {@code runs} started so far (the last one is {@code
 * escalation-<id>-<runs>}), whether that one may still be paging, and the ack timeout it runs with.
 */
public record IncidentEscalation(int runs, boolean active, Integer ackTimeoutMinutes) {}
