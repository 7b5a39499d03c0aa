package dev.firebreak.workflows.integrations.messages;

/** A Jira issue made for an incident; {@code created} is false when an earlier try had made it. */
public record JiraTicket(String key, String url, boolean created) {}
