package dev.firebreak.workflows.integrations;

import dev.firebreak.workflows.integrations.messages.PagerDutyTrigger;
import io.temporal.activity.ActivityInterface;

/** The one page of a PagerDuty service per incident, as the escalate endpoint claims it. */
@ActivityInterface
public interface PagerDutyPageClaims {

  String CLAIMED = "CLAIMED";
  String ALREADY_PAGED = "ALREADY_PAGED";
  String DISABLED = "DISABLED";

  /** {@link #CLAIMED}, {@link #ALREADY_PAGED}, or {@link #DISABLED} when PagerDuty is off. */
  String claimPagerDutyTrigger(PagerDutyTrigger trigger);
}
