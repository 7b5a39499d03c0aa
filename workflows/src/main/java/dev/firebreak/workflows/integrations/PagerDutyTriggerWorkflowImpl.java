package dev.firebreak.workflows.integrations;

import dev.firebreak.workflows.integrations.messages.PagerDutyTrigger;
import dev.firebreak.workflows.integrations.messages.PagerDutyTriggered;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;

public class PagerDutyTriggerWorkflowImpl implements PagerDutyTriggerWorkflow {

  static final int ATTEMPTS = 6;

  private final PagerDutyActivities pagerDuty =
      Workflow.newActivityStub(
          PagerDutyActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(1))
                      .setMaximumInterval(Duration.ofSeconds(30))
                      .setMaximumAttempts(ATTEMPTS)
                      .build())
              .build());

  private final IncidentNoteActivities notes =
      Workflow.newActivityStub(
          IncidentNoteActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(5).build())
              .build());

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
