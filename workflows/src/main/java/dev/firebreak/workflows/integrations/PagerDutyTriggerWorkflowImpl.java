package dev.firebreak.workflows.integrations;

import dev.firebreak.workflows.Retries;
import dev.firebreak.workflows.integrations.messages.PagerDutyTrigger;
import dev.firebreak.workflows.integrations.messages.PagerDutyTriggered;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;

public class PagerDutyTriggerWorkflowImpl implements PagerDutyTriggerWorkflow {

  static final int ATTEMPTS = Retries.PAGERDUTY_TRIGGER_ATTEMPTS;

  private final PagerDutyActivities pagerDuty =
      Workflow.newActivityStub(PagerDutyActivities.class, Retries.pagerDutyTrigger());

  private final IncidentNoteActivities notes =
      Workflow.newActivityStub(IncidentNoteActivities.class, Retries.incidentNote());

  @Override
  public PagerDutyTriggered triggerPagerDuty(PagerDutyTrigger trigger) {
    try {
      PagerDutyTriggered triggered = pagerDuty.triggerPagerDutyIncident(trigger);
      notes.noteOnIncident(trigger.incidentId(),
          "Paged PagerDuty service " + trigger.serviceId() + ": PagerDuty incident "
              + triggered.pagerdutyIncidentId()
              + (triggered.url() == null ? "" : " " + triggered.url())
              + (trigger.requestedBy() == null ? "" : " (requested by " + trigger.requestedBy() + ")"));
      return triggered;
    } catch (ActivityFailure failure) {
      pagerDuty.releasePagerDutyTrigger(trigger);
      notes.noteOnIncident(trigger.incidentId(),
          "Could not page PagerDuty service " + trigger.serviceId() + ": "
              + IntegrationFailures.reason(failure));
      throw failure;
    }
  }
}
