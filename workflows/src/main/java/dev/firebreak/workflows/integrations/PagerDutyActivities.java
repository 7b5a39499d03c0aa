package dev.firebreak.workflows.integrations;

import dev.firebreak.workflows.integrations.messages.PagerDutyTrigger;
import dev.firebreak.workflows.integrations.messages.PagerDutyTriggered;
import dev.firebreak.workflows.integrations.messages.SyncChange;
import io.temporal.activity.ActivityInterface;

/**
 * PagerDuty's REST API: each sync step reads every page of one resource and replaces the synced
 * copy in PostgreSQL (stale rows removed), answering what changed.
 */
@ActivityInterface
public interface PagerDutyActivities {

  SyncChange syncPagerDutyServices();

  SyncChange syncPagerDutyUsers();

  SyncChange syncPagerDutySchedules();

  SyncChange syncPagerDutyEscalationPolicies();

  SyncChange syncPagerDutyOncalls();

  /** Opens a PagerDuty incident on a service (urgency high, de-duplicated by incident key). */
  PagerDutyTriggered triggerPagerDutyIncident(PagerDutyTrigger trigger);

  /** Forgets a page that failed for good, so that the service may be paged again. */
  void releasePagerDutyTrigger(PagerDutyTrigger trigger);
}
