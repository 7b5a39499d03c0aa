package dev.firebreak.workflows.integrations.messages;

/** A Confluence postmortem page; {@code created} is false when it existed already. */
public record PostmortemPage(String id, String title, String url, boolean created) {}
