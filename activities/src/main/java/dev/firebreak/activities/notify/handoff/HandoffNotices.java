package dev.firebreak.activities.notify.handoff;

import dev.firebreak.activities.oncall.ScheduleStore;
import dev.firebreak.workflows.TaskQueues;
import dev.firebreak.workflows.notify.HandoffNoticeWorkflow;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Keeps one {@link HandoffNoticeWorkflow} running per schedule: started for every schedule when
 * Firebreak starts (a running one is left as it is). A schedule created later gets its workflow at
 * the next start.
 */
@Service
public class HandoffNotices {

  private static final Logger log = LoggerFactory.getLogger(HandoffNotices.class);

  private final WorkflowClient client;
  private final ScheduleStore schedules;

  public HandoffNotices(WorkflowClient client, ScheduleStore schedules) {
    this.client = client;
    this.schedules = schedules;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void startAll() {
    try {
      schedules.list().forEach(s -> ensure(s.id()));
    } catch (RuntimeException e) {
      log.warn("handoff notices not started: {}", e.getMessage());
    }
  }

  /** Starts the schedule's handoff workflow unless it runs. */
  public void ensure(long scheduleId) {
    HandoffNoticeWorkflow workflow = client.newWorkflowStub(HandoffNoticeWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(HandoffNoticeWorkflow.workflowId(scheduleId))
            .setTaskQueue(TaskQueues.ONCALL)
            .setWorkflowIdReusePolicy(
                WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
            .setStaticSummary("Handoff notices of schedule " + scheduleId)
            .build());
    try {
      WorkflowClient.start(workflow::run, scheduleId);
    } catch (WorkflowExecutionAlreadyStarted e) {
      log.debug("handoff notices of schedule {} already running", scheduleId);
    }
  }
}
