package dev.firebreak.workflows.integrations;

import dev.firebreak.workflows.integrations.messages.SyncLoop;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The stand-in for a Temporal Schedule where the server has none (the in-process server): runs a
 * sync workflow, sleeps, continues as new. Id {@code sync-loop-<schedule id>}.
 */
@WorkflowInterface
public interface SyncLoopWorkflow {

  @WorkflowMethod
  void loop(SyncLoop loop);
}
