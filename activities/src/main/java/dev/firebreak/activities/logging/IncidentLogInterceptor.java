package dev.firebreak.activities.logging;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.workflow.Workflow;
import org.springframework.stereotype.Component;

/**
 * Puts the incident id in the MDC of every activity and workflow thread of an incident's
 * workflows (the Temporal starter registers worker interceptor beans). Activities run on pooled
 * threads (one interceptor per activity task), so the entry is removed afterwards; a workflow's threads are its own, so the entry is
 * set as each handler starts and lives as long as they do. Logging has no effect on a workflow's
 * history, so this is safe for replay.
 */
@Component
public class IncidentLogInterceptor extends WorkerInterceptorBase {

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private String workflowId;

      @Override
      public void init(ActivityExecutionContext context) {
        workflowId = context.getInfo().getWorkflowId();
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        boolean marked = IncidentLogContext.enter(workflowId);
        try {
          return super.execute(input);
        } finally {
          if (marked) {
            IncidentLogContext.leave();
          }
        }
      }
    };
  }

  @Override
  public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
    return new WorkflowInboundCallsInterceptorBase(next) {
      @Override
      public WorkflowOutput execute(WorkflowInput input) {
        mark();
        return super.execute(input);
      }

      @Override
      public void handleSignal(SignalInput input) {
        mark();
        super.handleSignal(input);
      }

      @Override
      public void validateUpdate(UpdateInput input) {
        mark();
        super.validateUpdate(input);
      }

      @Override
      public UpdateOutput executeUpdate(UpdateInput input) {
        mark();
        return super.executeUpdate(input);
      }
    };
  }

  private static void mark() {
    IncidentLogContext.enter(Workflow.getInfo().getWorkflowId());
  }
}
