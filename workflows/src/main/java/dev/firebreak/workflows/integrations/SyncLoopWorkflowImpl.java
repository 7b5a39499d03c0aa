package dev.firebreak.workflows.integrations;

import dev.firebreak.workflows.TaskQueues;
import dev.firebreak.workflows.integrations.messages.SyncLoop;
import dev.firebreak.workflows.integrations.messages.SyncReport;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import org.slf4j.Logger;

public class SyncLoopWorkflowImpl implements SyncLoopWorkflow {

  private static final Logger log = Workflow.getLogger(SyncLoopWorkflowImpl.class);

  @Override
  public void loop(SyncLoop loop) {
    String id = Workflow.getInfo().getWorkflowId() + "-" + loop.iteration();
    try {
      SyncReport report =
          Workflow.newUntypedChildWorkflowStub(
                  loop.workflowType(),
                  ChildWorkflowOptions.newBuilder()
                      .setWorkflowId(id)
                      .setTaskQueue(TaskQueues.INTEGRATIONS)
                      .build())
              .execute(SyncReport.class);
      log.info("sync {} done: {}", id, report == null ? "no report" : report.summary());
    } catch (ChildWorkflowFailure failure) {
      log.warn("sync {} failed: {}", id, IntegrationFailures.reason(failure));
    }
    Workflow.sleep(loop.period());
    Workflow.continueAsNew(loop.next());
  }
}
