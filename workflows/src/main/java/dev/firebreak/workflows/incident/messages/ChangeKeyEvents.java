package dev.firebreak.workflows.incident.messages;

/** Set milestones; null ones are left as they are. */
public record ChangeKeyEvents(KeyEvents keyEvents, String author) {}
