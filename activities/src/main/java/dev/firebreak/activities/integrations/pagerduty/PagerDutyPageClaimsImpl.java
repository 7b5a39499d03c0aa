package dev.firebreak.activities.integrations.pagerduty;

import dev.firebreak.workflows.integrations.PagerDutyPageClaims;
import dev.firebreak.workflows.integrations.messages.PagerDutyTrigger;
import org.springframework.stereotype.Component;

/** Escalation policies' PagerDuty targets claim their page through the escalate endpoint's table. */
@Component("pagerDutyPageClaims")
public class PagerDutyPageClaimsImpl implements PagerDutyPageClaims {

  private final PagerDutySettings settings;
  private final PagerDutyStore store;

  public PagerDutyPageClaimsImpl(PagerDutySettings settings, PagerDutyStore store) {
    this.settings = settings;
    this.store = store;
  }

  @Override
  public String claimPagerDutyTrigger(PagerDutyTrigger trigger) {
    if (!settings.enabled()) {
      return DISABLED;
    }
    return store.claimTrigger(trigger.incidentId(), trigger.serviceId(), trigger.requestedBy())
        ? CLAIMED : ALREADY_PAGED;
  }
}
