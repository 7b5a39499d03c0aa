package dev.firebreak.activities.directory;

/** A person who can be paged. {@code slackUserId} may be null: such a user cannot get Slack DMs. */
public record User(long id, String name, String email, String slackUserId, String timeZone) {}
