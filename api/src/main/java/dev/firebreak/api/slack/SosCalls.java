package dev.firebreak.api.slack;

import dev.firebreak.workflows.TaskQueues;
import dev.firebreak.workflows.slack.SosWorkflow;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import org.springframework.stereotype.Component;

/**
 * Starts an SOS call: a workflow whose id is the request's key, so that Slack's retry of the same
 * command calls nobody twice.
 */
@Component
public class SosCalls {

  private final WorkflowClient temporal;

  public SosCalls(WorkflowClient temporal) {
    this.temporal = temporal;
  }

  /** Starts the call; true when this request started it, false when it was already calling. */
  public boolean call(SosWorkflow.SosRequest request) {
    SosWorkflow workflow = temporal.newWorkflowStub(SosWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(request.key())
            .setTaskQueue(TaskQueues.INCIDENTS)
            .setWorkflowIdReusePolicy(
                WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
            .build());
    try {
      WorkflowClient.start(workflow::call, request);
      return true;
    } catch (WorkflowExecutionAlreadyStarted repeated) {
      return false;
    }
  }
}
