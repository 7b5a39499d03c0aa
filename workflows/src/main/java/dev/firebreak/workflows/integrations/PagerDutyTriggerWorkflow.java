package dev.firebreak.workflows.integrations;

import dev.firebreak.workflows.integrations.messages.PagerDutyTrigger;
import dev.firebreak.workflows.integrations.messages.PagerDutyTriggered;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Pages one PagerDuty service for one incident, id {@code pagerduty-trigger-<incident>-<service>}
 * so the same service is never paged twice for one incident. The incident's timeline says whether
 * it worked.
 */
@WorkflowInterface
public interface PagerDutyTriggerWorkflow {

  static String workflowId(long incidentId, String serviceId) {
    return "pagerduty-trigger-" + incidentId + "-" + serviceId;
  }

  @WorkflowMethod
  PagerDutyTriggered triggerPagerDuty(PagerDutyTrigger trigger);
}
