package dev.firebreak.workflows.escalation;

import java.util.List;

/**
 * Who is paged, in which order: each step notifies its targets, then waits {@code delayMinutes}
 * before the next; after the last step's wait the policy starts over from the first step, {@code
 * repeat} more times (0..5).
 */
public record EscalationPolicy(long id, String name, int repeat, List<Step> steps) {

  public EscalationPolicy {
    steps = List.copyOf(steps);
  }

  /**
   * {@code mode} null means {@link StepMode#ALL}; {@code when} null means always. Both are absent
   * from policies written before they existed, which therefore behave as before.
   */
  public record Step(int delayMinutes, List<Target> targets, StepMode mode, StepWindow when) {
    public Step {
      targets = List.copyOf(targets);
    }

    public Step(int delayMinutes, List<Target> targets) {
      this(delayMinutes, targets, null, null);
    }

    public boolean roundRobin() {
      return mode == StepMode.ROUND_ROBIN;
    }
  }

  /**
   * A user, everyone on call in a schedule when the step runs, every member of a team, or a
   * PagerDuty service ({@code pagerdutyServiceId}; {@code id} unused), paged once per incident.
   */
  public record Target(TargetType type, long id, String pagerdutyServiceId) {

    public Target(TargetType type, long id) {
      this(type, id, null);
    }
  }

  public enum TargetType {
    USER,
    SCHEDULE,
    TEAM,
    PAGERDUTY
  }
}
