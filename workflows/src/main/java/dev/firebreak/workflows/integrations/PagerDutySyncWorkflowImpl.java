package dev.firebreak.workflows.integrations;

import dev.firebreak.workflows.Retries;
import dev.firebreak.workflows.integrations.messages.SyncChange;
import dev.firebreak.workflows.integrations.messages.SyncReport;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

public class PagerDutySyncWorkflowImpl implements PagerDutySyncWorkflow {

  private static final Logger log = Workflow.getLogger(PagerDutySyncWorkflowImpl.class);

  private final PagerDutyActivities pagerDuty =
      Workflow.newActivityStub(PagerDutyActivities.class, Retries.syncStep());

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
