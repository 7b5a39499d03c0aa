package dev.firebreak.workflows.escalation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What Temporal UI shows as a running escalation's current details
 * ({@code Workflow.setCurrentDetails}, markdown): where it stands and what happens next. Pure
 * functions of workflow state: setting the details records no command, so it changes no history
 * and needs no version.
 */
public final class EscalationDetails {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private EscalationDetails() {}

  /**
   * An escalation paging: its step, its round, who was paged, and the next step with its time,
   * or the start over / the end when this is the last step.
   */
  public static String escalationPaging(long incidentId, EscalationPolicy policy, int loop,
      int step, List<String> paged, Instant nextAt) {
    int steps = policy.steps().size();
    StringBuilder md = new StringBuilder()
        .append("**Paging** incident #").append(incidentId).append(" with \"")
        .append(policy.name()).append("\": step ").append(step + 1).append(" of ").append(steps)
        .append(", round ").append(loop + 1).append(" of ").append(policy.repeat() + 1);
    md.append("\n\n- paged: ").append(paged.isEmpty() ? "nobody" : String.join(", ", paged));
    boolean lastStep = step + 1 >= steps;
    boolean lastRound = loop >= policy.repeat();
    if (lastStep && lastRound) {
      md.append("\n- next: nothing; the policy is exhausted at ").append(TIME.format(nextAt))
          .append(" unless someone acknowledges");
    } else {
      int nextStep = lastStep ? 0 : step + 1;
      int nextRound = lastStep ? loop + 2 : loop + 1;
      md.append("\n- next: step ").append(nextStep + 1).append(", round ").append(nextRound)
          .append(" at ").append(TIME.format(nextAt)).append(", to ")
          .append(targets(policy.steps().get(nextStep).targets()));
    }
    return md.toString();
  }

  public static String escalationDone(long incidentId, String what) {
    return "**" + what + "** · escalation of incident #" + incidentId;
  }

  static String targets(List<EscalationPolicy.Target> targets) {
    return targets.stream().map(t -> switch (t.type()) {
      case PAGERDUTY -> "PagerDuty service " + t.pagerdutyServiceId();
      default -> t.type().name().toLowerCase() + " " + t.id();
    }).collect(Collectors.joining(", "));
  }
}
