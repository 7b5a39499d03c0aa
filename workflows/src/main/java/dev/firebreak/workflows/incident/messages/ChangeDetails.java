package dev.firebreak.workflows.incident.messages;

/** Edit the incident's description fields; null ones are left as they are. */
public record ChangeDetails(
    String title,
    String description,
    Priority priority,
    Environment environment,
    String category,
    String author) {}
