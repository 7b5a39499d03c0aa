package dev.firebreak.workflows;

import dev.firebreak.workflows.alert.messages.AlertGroup;
import dev.firebreak.workflows.escalation.EscalationPolicy;
import dev.firebreak.workflows.incident.messages.Incident;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What Temporal UI shows as a running workflow's current details ({@code
 * Workflow.setCurrentDetails}, markdown): where an incident, an escalation or an alert group
 * stands and what happens next. Pure functions of workflow state: setting the details records no
 * command, so it changes no history and needs no version.
 */
public final class CurrentDetails {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private CurrentDetails() {}

  public static String incident(Incident incident) {
    StringBuilder md = new StringBuilder()
        .append("**").append(incident.priority()).append(" · ").append(incident.status())
        .append("** · incident #").append(incident.id()).append(": ").append(incident.title());
    md.append("\n\n- commander: ").append(orNobody(incident.roles().commander()));
    md.append("\n- communication lead: ").append(orNobody(incident.roles().communicationLead()));
    md.append("\n- version ").append(incident.version());
    return md.toString();
  }

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

  public static String alertGroup(AlertGroup group) {
    if (group == null) {
      return "**Waiting** for the first trigger";
    }
    StringBuilder md = new StringBuilder()
        .append("**").append(group.status()).append("** · ").append(group.count())
        .append(group.count() == 1 ? " event" : " events").append(" · ")
        .append(group.severity()).append(": ").append(group.summary());
    md.append("\n\n- dedup key: `").append(group.dedupKey()).append('`');
    md.append("\n- incident: ")
        .append(group.incidentId() == null ? "none" : "#" + group.incidentId());
    return md.toString();
  }

  static String targets(List<EscalationPolicy.Target> targets) {
    return targets.stream().map(t -> switch (t.type()) {
      case PAGERDUTY -> "PagerDuty service " + t.pagerdutyServiceId();
      default -> t.type().name().toLowerCase() + " " + t.id();
    }).collect(Collectors.joining(", "));
  }

  private static String orNobody(String who) {
    return who == null || who.isBlank() ? "nobody yet" : who;
  }
}
