package dev.firebreak.workflows.incident.messages;

/** A free-text update on the timeline. */
public record AddUpdate(String message, String author) {}
