package dev.firebreak.workflows.integrations;

import dev.firebreak.workflows.integrations.messages.SyncChange;
import dev.firebreak.workflows.integrations.messages.SyncReport;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

public class PagerDutySyncWorkflowImpl implements PagerDutySyncWorkflow {

  private static final Logger log = Workflow.getLogger(PagerDutySyncWorkflowImpl.class);

  static final ActivityOptions SYNC_STEP =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(5))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setMaximumInterval(Duration.ofSeconds(30))
                  .setMaximumAttempts(5)
                  .build())
          .build();

  private final PagerDutyActivities pagerDuty =
      Workflow.newActivityStub(PagerDutyActivities.class, SYNC_STEP);

  @Override
  public SyncReport syncPagerDuty() {
    // policies and users before the on-calls that refer to them
    List<SyncChange> changes = new ArrayList<>();
    changes.add(pagerDuty.syncPagerDutyServices());
    changes.add(pagerDuty.syncPagerDutyUsers());
    changes.add(pagerDuty.syncPagerDutySchedules());
    changes.add(pagerDuty.syncPagerDutyEscalationPolicies());
    changes.add(pagerDuty.syncPagerDutyOncalls());
    SyncReport report =
        new SyncReport("pagerduty", Instant.ofEpochMilli(Workflow.currentTimeMillis()), changes);
    log.info("PagerDuty sync done: {}", report.summary());
    return report;
  }
}
