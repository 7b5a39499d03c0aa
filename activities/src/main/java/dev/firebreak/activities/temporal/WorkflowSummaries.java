package dev.firebreak.activities.temporal;

import dev.firebreak.workflows.heartbeat.HeartbeatMonitor;
import dev.firebreak.workflows.incident.messages.Incident;

/**
 * What Temporal UI shows for each workflow Firebreak starts, beside its id and type: a one-line
 * static summary (the list's "Summary" column) and static details (markdown, on the workflow's
 * page), set once with {@code WorkflowOptions} user metadata. They live in the start event's
 * metadata, not in any command, so they change no replay. What changes while the workflow runs
 * is its current details, set by the workflow itself.
 */
public final class WorkflowSummaries {

  private WorkflowSummaries() {}

  public static String incidentSummary(Incident incident) {
    return incident.priority() + " incident #" + incident.id() + ": "
        + abbreviate(incident.title(), 120);
  }

  public static String incidentDetails(Incident incident) {
    StringBuilder md = new StringBuilder()
        .append("**Incident #").append(incident.id()).append("** ")
        .append(incident.priority()).append(" in ").append(incident.environment())
        .append("\n\n").append(incident.title());
    if (incident.serviceId() != null) {
      md.append("\n\n- service: ").append(incident.serviceId());
    }
    if (incident.createdBy() != null) {
      md.append("\n- declared by: ").append(incident.createdBy());
    }
    if (incident.dedupKey() != null) {
      md.append("\n- dedup key: `").append(incident.dedupKey()).append('`');
    }
    md.append("\n\nIts lifecycle: OPEN → INVESTIGATING → MITIGATING → MITIGATED → POST_MORTEM"
        + " → CLOSED. Escalations run as children `escalation-").append(incident.id())
        .append("-<n>`.");
    return md.toString();
  }

  public static String alertGroupSummary(long serviceId, String dedupKey) {
    return "Alert group of service " + serviceId + ": " + abbreviate(dedupKey, 120);
  }

  public static String alertGroupDetails(long serviceId, String dedupKey) {
    return "**Alert group** of service " + serviceId + ", dedup key `" + dedupKey + "`\n\n"
        + "Counts the repeats of its alert, follows its acknowledge and resolve, and opens the"
        + " incident its priority calls for. It ends when resolved; the next trigger of the same"
        + " key starts a new group.";
  }

  public static String heartbeatSummary(HeartbeatMonitor m) {
    return "Heartbeat '" + abbreviate(m.name(), 100) + "': a ping every " + m.intervalSeconds()
        + " s (+" + m.graceSeconds() + " s grace)";
  }

  public static String heartbeatDetails(HeartbeatMonitor m) {
    return "**Heartbeat monitor** " + m.id() + " '" + m.name() + "' on service " + m.serviceId()
        + "\n\nEach ping restarts its timer. When no ping arrives within "
        + (m.intervalSeconds() + m.graceSeconds()) + " s it triggers a critical alert on the"
        + " service; the next ping resolves it.";
  }

  public static String pagerDutySummary(long incidentId, String pagerDutyServiceId) {
    return "Page PagerDuty service " + pagerDutyServiceId + " for incident #" + incidentId;
  }

  static String abbreviate(String text, int max) {
    if (text == null) {
      return "";
    }
    String line = text.replaceAll("\\s+", " ").trim();
    return line.length() <= max ? line : line.substring(0, max - 1) + "…";
  }
}
