package dev.firebreak.activities.alert;

import dev.firebreak.activities.temporal.SearchAttributesSwitch;
import dev.firebreak.activities.temporal.WorkflowSummaries;
import dev.firebreak.workflows.TaskQueues;
import dev.firebreak.workflows.alert.AlertGroupWorkflow;
import dev.firebreak.workflows.alert.AlertSearchAttributes;
import dev.firebreak.workflows.alert.messages.AlertBatch;
import dev.firebreak.workflows.alert.messages.AlertGroupRun;
import dev.firebreak.workflows.alert.messages.AlertStatus;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import org.springframework.stereotype.Component;

/**
 * Hands a batch of events to the alert group workflow of its (service, dedup key): signal-with-start
 * when the batch triggers (the first trigger starts the workflow, later ones signal it), a plain
 * signal otherwise, so an acknowledge or resolve without an open group is ignored. Returns only
 * once Temporal has accepted the signal; throws when it cannot.
 */
@Component
public class AlertDispatcher {

  private final WorkflowClient client;
  private final SearchAttributesSwitch searchAttributes;

  public AlertDispatcher(WorkflowClient client, SearchAttributesSwitch searchAttributes) {
    this.client = client;
    this.searchAttributes = searchAttributes;
  }

  /** True when a workflow took the batch, false when it was ignored (no open group). */
  public boolean dispatch(long serviceId, String dedupKey, AlertBatch batch) {
    String workflowId = AlertGroupWorkflow.workflowId(serviceId, dedupKey);
    if (!batch.hasTrigger()) {
      try {
        client.newWorkflowStub(AlertGroupWorkflow.class, workflowId).events(batch);
        return true;
      } catch (WorkflowNotFoundException e) {
        return false;
      }
    }
    boolean indexed = searchAttributes.enabled();
    WorkflowOptions.Builder options = WorkflowOptions.newBuilder()
        .setWorkflowId(workflowId)
        .setTaskQueue(TaskQueues.ALERTS)
        .setStaticSummary(WorkflowSummaries.alertGroupSummary(serviceId, dedupKey))
        .setStaticDetails(WorkflowSummaries.alertGroupDetails(serviceId, dedupKey))
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE);
    if (indexed) {
      options.setTypedSearchAttributes(AlertSearchAttributes.of(serviceId, AlertStatus.TRIGGERED));
    }
    AlertGroupWorkflow group = client.newWorkflowStub(AlertGroupWorkflow.class, options.build());
    BatchRequest request = client.newSignalWithStartRequest();
    request.add(group::run, AlertGroupRun.first(serviceId, dedupKey, indexed));
    request.add(group::events, batch);
    client.signalWithStart(request);
    return true;
  }
}
