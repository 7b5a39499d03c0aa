package dev.firebreak.workflows.integrations;

import dev.firebreak.workflows.integrations.messages.SyncReport;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Copies PagerDuty's services, users, schedules, escalation policies and on-calls. */
@WorkflowInterface
public interface PagerDutySyncWorkflow {

  /** The id of on-demand runs; the schedule's runs get the schedule's id plus a timestamp. */
  String ON_DEMAND_ID = "pagerduty-sync";

  @WorkflowMethod
  SyncReport syncPagerDuty();
}
