package dev.firebreak.workflows.slack;

import dev.firebreak.workflows.Retries;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

public class SlackSyncWorkflowImpl implements SlackSyncWorkflow {

  private final SlackSyncActivities sync =
      Workflow.newActivityStub(SlackSyncActivities.class, Retries.slackSync());

  @Override
  public SyncReport sync() {
    Promise<Integer> users = Async.function(sync::syncUsers);
    Promise<Integer> usergroups = Async.function(sync::syncUsergroups);
    Promise<Integer> conversations = Async.function(sync::syncConversations);
    List<String> failures = new ArrayList<>();
    return new SyncReport(
        count("users", users, failures),
        count("usergroups", usergroups, failures),
        count("conversations", conversations, failures),
        failures);
  }

  private static int count(String part, Promise<Integer> promise, List<String> failures) {
    try {
      return promise.get();
    } catch (ActivityFailure failed) {
      failures.add(part + ": " + InviteWorkflowImpl.reason(failed));
      return -1;
    }
  }
}
