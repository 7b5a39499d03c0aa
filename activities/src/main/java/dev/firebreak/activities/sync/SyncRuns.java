package dev.firebreak.activities.sync;

import dev.firebreak.workflows.TaskQueues;
import dev.firebreak.workflows.integrations.ConfluenceOnCallExportWorkflow;
import dev.firebreak.workflows.integrations.PagerDutySyncWorkflow;
import dev.firebreak.workflows.integrations.messages.SyncReport;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Runs a sync on demand and waits for its report, through typed stubs. A sync already running
 * under the on-demand id is joined, not doubled (USE_EXISTING); the caller learns whether it
 * finished, is still running after the wait, or failed.
 */
@Component
public class SyncRuns {

  /** What became of an on-demand sync. */
  public sealed interface Outcome {
    record Done(SyncReport report) implements Outcome {}

    record StillRunning(String workflowId) implements Outcome {}

    record Failed(String reason) implements Outcome {}
  }

  private final WorkflowClient client;

  public SyncRuns(WorkflowClient client) {
    this.client = client;
  }

  public Outcome pagerDuty(Duration wait) {
    return run(PagerDutySyncWorkflow.class, PagerDutySyncWorkflow.ON_DEMAND_ID, wait,
        stub -> {
          WorkflowClient.start(stub::syncPagerDuty);
          return stub;
        });
  }

  public Outcome confluenceOnCall(Duration wait) {
    return run(ConfluenceOnCallExportWorkflow.class, ConfluenceOnCallExportWorkflow.ON_DEMAND_ID,
        wait, stub -> {
          WorkflowClient.start(stub::exportOnCall);
          return stub;
        });
  }

  private <W> Outcome run(Class<W> type, String workflowId, Duration wait, Function<W, W> start) {
    W typed = client.newWorkflowStub(type, WorkflowOptions.newBuilder()
        .setWorkflowId(workflowId)
        .setTaskQueue(TaskQueues.INTEGRATIONS)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
        .setWorkflowIdConflictPolicy(
            WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
        .build());
    WorkflowStub stub = WorkflowStub.fromTyped(start.apply(typed));
    try {
      return new Outcome.Done(
          stub.getResult(wait.toMillis(), TimeUnit.MILLISECONDS, SyncReport.class));
    } catch (TimeoutException e) {
      return new Outcome.StillRunning(workflowId);
    } catch (WorkflowFailedException e) {
      Throwable cause = e;
      while (cause.getCause() != null) {
        cause = cause.getCause();
      }
      return new Outcome.Failed(cause.getMessage());
    }
  }
}
