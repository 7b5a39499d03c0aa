package dev.firebreak.workflows.incident.messages;

/** Move an incident through its lifecycle. {@code message} explains, and goes on the timeline. */
public record ChangeStatus(
    Status status, String message, ClosureReason closureReason, String author) {}
