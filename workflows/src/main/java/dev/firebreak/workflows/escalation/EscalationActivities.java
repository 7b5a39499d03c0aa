package dev.firebreak.workflows.escalation;

import io.temporal.activity.ActivityInterface;
import java.time.Instant;
import java.util.List;

/** Reads the on-call configuration for escalation workflows; no side effects. */
@ActivityInterface
public interface EscalationActivities {

  /** The escalation a service's incidents start, or null when it has no policy. */
  EscalationTrigger escalationFor(long serviceId);

  /** The policy, or null when it was deleted. */
  EscalationPolicy policy(long policyId);

  /**
   * The users a step's targets stand for at {@code at}: users as they are, schedules resolved to
   * whoever is on call then, teams to their members; each user once, in target order.
   */
  List<Recipient> resolve(List<EscalationPolicy.Target> targets, Instant at);
}
