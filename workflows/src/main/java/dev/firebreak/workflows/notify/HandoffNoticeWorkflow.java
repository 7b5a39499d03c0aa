package dev.firebreak.workflows.notify;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Tells the person coming on call, at the start of their shift, for one schedule: workflow id
 * {@code handoff-<scheduleId>}, sleeping until the next handoff. It ends when the schedule is
 * deleted.
 */
@WorkflowInterface
public interface HandoffNoticeWorkflow {

  static String workflowId(long scheduleId) {
    return "handoff-" + scheduleId;
  }

  @WorkflowMethod
  void run(long scheduleId);
}
