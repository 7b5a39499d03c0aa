package dev.firebreak.workflows.slack;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Brings Firebreak's mirror of Slack's users, user groups and conversations (and the members of
 * the ones Firebreak uses) in step with Slack. Run by a Temporal Schedule on a real server and on
 * demand through {@code POST /api/v1/slack/sync}.
 */
@WorkflowInterface
public interface SlackSyncWorkflow {

  String SCHEDULE_ID = "slack-sync";

  @WorkflowMethod
  SyncReport sync();

  /** How many of each were synced; a part that failed is -1 and named in {@code failures}. */
  record SyncReport(int users, int usergroups, int conversations, java.util.List<String> failures) {}
}
