package dev.firebreak.activities.slack;

import java.util.List;

/**
 * A Slack user group or conversation as Firebreak knows it: its tag, the incident categories it
 * is linked to, and its members. {@code managed}: configured by an admin, not only synced.
 */
public record SlackGroup(String id, String name, boolean privateChannel, String tag,
    List<String> categories, List<String> members, boolean managed) {}
