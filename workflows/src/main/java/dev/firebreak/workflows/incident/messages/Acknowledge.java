package dev.firebreak.workflows.incident.messages;

/** Someone takes the incident: paging stops. {@code userId} may be null, {@code author} names. */
public record Acknowledge(Long userId, String author) {}
