package dev.firebreak.workflows.notify;

import dev.firebreak.workflows.notify.messages.NotificationPlan;
import dev.firebreak.workflows.notify.messages.PlanState;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One page of one user, workflow id {@code notify-<planId>}: each of the user's notification
 * rules fires at its delay, as a Temporal timer, unless the incident is acknowledged or resolved
 * first. It ends when every rule was sent, failed or was cancelled.
 */
@WorkflowInterface
public interface NotificationPlanWorkflow {

  static String workflowId(String planId) {
    return "notify-" + planId;
  }

  @WorkflowMethod
  PlanState run(NotificationPlan plan);

  /** The incident was acknowledged or resolved: what is still due is not sent. */
  @SignalMethod
  void cancel(String reason);

  @QueryMethod
  PlanState state();
}
