package dev.firebreak.workflows.slack;

/** An incident's Slack channel. */
public record IncidentChannel(String channelId, String name, boolean privateChannel) {}
