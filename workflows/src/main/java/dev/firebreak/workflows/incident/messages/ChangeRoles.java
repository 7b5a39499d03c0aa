package dev.firebreak.workflows.incident.messages;

/** Assign roles; a null role is left as it is, an empty one is unassigned. */
public record ChangeRoles(String commander, String communicationLead, String author) {}
