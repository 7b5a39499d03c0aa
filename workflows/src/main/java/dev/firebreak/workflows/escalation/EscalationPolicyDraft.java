package dev.firebreak.workflows.escalation;

import java.util.List;

/**
 * An escalation policy as a person writes it, not yet checked; {@link EscalationPolicyValidation}
 * turns it into an {@link EscalationPolicy} or refuses it.
 */
public record EscalationPolicyDraft(String name, Integer repeat, List<StepDraft> steps) {

  /** {@code mode} "all" (default) or "round_robin"; {@code when} absent for always. */
  public record StepDraft(Integer delayMinutes, List<TargetDraft> targets, String mode,
      WindowDraft when) {

    public StepDraft(Integer delayMinutes, List<TargetDraft> targets) {
      this(delayMinutes, targets, null, null);
    }
  }

  /** Days as "mon".."sun" or full names; times "HH:mm"; an IANA time zone. */
  public record WindowDraft(List<String> days, String from, String to, String timeZone) {}

  /** {@code id} of a user, schedule or team; {@code pagerdutyServiceId} for type pagerduty. */
  public record TargetDraft(String type, Long id, String pagerdutyServiceId) {}
}
