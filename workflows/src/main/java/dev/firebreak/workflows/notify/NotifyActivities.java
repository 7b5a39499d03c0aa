package dev.firebreak.workflows.notify;

import dev.firebreak.workflows.notify.messages.PlanSend;
import dev.firebreak.workflows.notify.messages.SendOutcome;
import io.temporal.activity.ActivityInterface;

/** Sends the rules of notification plans through the channels. Idempotent by (plan, rule). */
@ActivityInterface
public interface NotifyActivities {

  /**
   * Sends one rule, once: recorded before and after, answered from the record when an earlier
   * attempt finished. Throws on a provider outage so that Temporal retries (capped by the plan).
   */
  SendOutcome send(PlanSend send);

  /** The send kept failing and the plan gave it up: recorded as failed, with why. */
  void gaveUp(PlanSend send, String why);

  /** The plan was cancelled: its rules not yet sent are recorded as stopped, with why. */
  void cancelRest(String planId, String reason);
}
