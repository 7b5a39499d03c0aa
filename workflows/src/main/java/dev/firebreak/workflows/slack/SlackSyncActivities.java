package dev.firebreak.workflows.slack;

import io.temporal.activity.ActivityInterface;

/** Reads Slack and writes the mirror; each returns how many it synced. */
@ActivityInterface
public interface SlackSyncActivities {

  int syncUsers();

  int syncUsergroups();

  int syncConversations();
}
