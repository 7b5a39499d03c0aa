package dev.firebreak.workflows.escalation;

import java.util.List;

/**
 * An escalation policy as a person writes it, not yet checked; {@link EscalationPolicyValidation}
 * turns it into an {@link EscalationPolicy} or refuses it.
 */
public record EscalationPolicyDraft(String name, Integer repeat, List<StepDraft> steps) {

  public record StepDraft(Integer delayMinutes, List<TargetDraft> targets) {}

  /** {@code id} of a user, schedule or team; {@code pagerdutyServiceId} for type pagerduty. */
  public record TargetDraft(String type, Long id, String pagerdutyServiceId) {}
}
