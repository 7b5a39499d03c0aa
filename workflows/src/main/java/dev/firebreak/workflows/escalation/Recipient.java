package dev.firebreak.workflows.escalation;

/** A user a step pages; {@code slackUserId} null when the user has no contact method. */
public record Recipient(long userId, String name, String slackUserId) {}
