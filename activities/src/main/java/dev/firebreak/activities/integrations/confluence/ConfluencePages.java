package dev.firebreak.activities.integrations.confluence;

import dev.firebreak.activities.integrations.pagerduty.PagerDutyStore.OnCall;
import dev.firebreak.activities.oncall.OnCallRows;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.KeyEvents;
import dev.firebreak.workflows.incident.messages.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Confluence storage-format (XHTML) pages Firebreak writes. */
public final class ConfluencePages {

  private ConfluencePages() {}

  public static String postmortemTitle(Incident incident) {
    return "Postmortem #" + incident.id() + ": " + incident.title();
  }

  /** Metrics from the key events; null when a bound is unknown. */
  public static Map<String, Duration> metrics(KeyEvents k) {
    Map<String, Duration> metrics = new LinkedHashMap<>();
    metrics.put("Time to detect (started → detected)", between(k.started(), k.detected()));
    metrics.put("Time to declare (detected → declared)", between(k.detected(), k.declared()));
    metrics.put("Time to mitigate (declared → mitigated)", between(k.declared(), k.mitigated()));
    metrics.put("Time to recover (declared → recovered)", between(k.declared(), k.recovered()));
    metrics.put("Time to resolve (declared → resolved)", between(k.declared(), k.resolved()));
    return metrics;
  }

  public static String postmortem(
      Incident incident, List<TimelineEntry> timeline, String incidentUrl, String jiraUrl) {
    StringBuilder html = new StringBuilder();
    html.append("<h1>").append(esc(incident.title())).append("</h1>");
    html.append("<table><tbody>");
    row(html, "Incident", "<a href=\"" + esc(incidentUrl) + "\">#" + incident.id() + "</a>");
    row(html, "Priority", esc(incident.priority().name()));
    row(html, "Environment", esc(incident.environment().name()));
    row(html, "Category", esc(orDash(incident.category())));
    row(html, "Commander", esc(orDash(incident.roles().commander())));
    row(html, "Communication lead", esc(orDash(incident.roles().communicationLead())));
    row(html, "Declared by", esc(orDash(incident.createdBy())));
    if (jiraUrl != null) {
      row(html, "Jira", "<a href=\"" + esc(jiraUrl) + "\">" + esc(jiraUrl) + "</a>");
    }
    html.append("</tbody></table>");
    if (incident.description() != null && !incident.description().isBlank()) {
      html.append("<h2>Summary</h2><p>").append(esc(incident.description())).append("</p>");
    }
    html.append("<h2>Key events</h2><table><tbody>");
    incident.keyEvents().inOrder().forEach((name, at) -> row(html, name, at == null ? "—" : at.toString()));
    html.append("</tbody></table>");
    html.append("<h2>Metrics</h2><table><tbody>");
    metrics(incident.keyEvents()).forEach((name, d) -> row(html, esc(name), d == null ? "—" : format(d)));
    html.append("</tbody></table>");
    html.append("<h2>Timeline</h2><table><tbody><tr><th>When (UTC)</th><th>What</th><th>Who</th>"
        + "<th>Details</th></tr>");
    for (TimelineEntry entry : timeline) {
      html.append("<tr><td>").append(entry.at()).append("</td><td>").append(entry.kind())
          .append("</td><td>").append(esc(orDash(entry.author()))).append("</td><td>")
          .append(esc(entry.message())).append("</td></tr>");
    }
    html.append("</tbody></table>");
    html.append("<h2>What happened</h2><p></p><h2>Root causes</h2><p></p>"
        + "<h2>What went well</h2><p></p><h2>What went wrong</h2><p></p>"
        + "<h2>Action items</h2><ul><li></li></ul>");
    return html.toString();
  }

  /** The on-call page from PagerDuty's on-calls alone. */
  public static String onCall(List<OnCall> onCalls) {
    return onCall(List.of(), onCalls);
  }

  /**
   * The on-call page: Firebreak's escalation policies, a row per level and target with whom it
   * pages now; then PagerDuty's, one table per escalation policy, a row per level and person.
   */
  public static String onCall(List<OnCallRows.Row> firebreak, List<OnCall> onCalls) {
    StringBuilder html = new StringBuilder();
    if (!firebreak.isEmpty()) {
      html.append("<p>Who Firebreak's escalation policies page now, per level."
          + " Written by Firebreak; edits here are overwritten.</p>");
      String policy = null;
      for (OnCallRows.Row row : firebreak) {
        if (!row.policy().equals(policy)) {
          if (policy != null) {
            html.append("</tbody></table>");
          }
          policy = row.policy();
          html.append("<h2>").append(esc(policy)).append("</h2><table><tbody><tr><th>Level</th>"
              + "<th>Target</th><th>On call</th></tr>");
        }
        html.append("<tr><td>").append(row.level()).append("</td><td>").append(esc(row.target()))
            .append("</td><td>").append(row.people().isEmpty() ? "—"
                : esc(String.join(", ", row.people()))).append("</td></tr>");
      }
      html.append("</tbody></table>");
    }
    html.append("<p>Who is on call, per escalation policy and level, as PagerDuty says."
        + " Written by Firebreak; edits here are overwritten.</p>");
    if (onCalls.isEmpty()) {
      html.append("<p>Nobody is on call.</p>");
      return html.toString();
    }
    String policy = null;
    for (OnCall onCall : onCalls) {
      if (!onCall.escalationPolicyId().equals(policy)) {
        if (policy != null) {
          html.append("</tbody></table>");
        }
        policy = onCall.escalationPolicyId();
        html.append("<h2>").append(esc(orElse(onCall.escalationPolicyName(), policy)))
            .append("</h2><table><tbody><tr><th>Level</th><th>Schedule</th><th>On call</th>"
                + "<th>From</th><th>Until</th></tr>");
      }
      html.append("<tr><td>").append(onCall.escalationLevel()).append("</td><td>")
          .append(esc(orDash(orElse(onCall.scheduleName(), onCall.scheduleId()))))
          .append("</td><td>").append(esc(orElse(onCall.userName(), onCall.userId())));
      if (onCall.userEmail() != null) {
        html.append(" (").append(esc(onCall.userEmail())).append(')');
      }
      html.append("</td><td>").append(onCall.start() == null ? "—" : onCall.start())
          .append("</td><td>").append(onCall.end() == null ? "—" : onCall.end())
          .append("</td></tr>");
    }
    html.append("</tbody></table>");
    return html.toString();
  }

  private static void row(StringBuilder html, String name, String value) {
    html.append("<tr><th>").append(name).append("</th><td>").append(value).append("</td></tr>");
  }

  private static Duration between(Instant from, Instant to) {
    return from == null || to == null ? null : Duration.between(from, to);
  }

  static String format(Duration d) {
    long minutes = d.toMinutes();
    if (minutes < 1) {
      return d.toSeconds() + " s";
    }
    long hours = minutes / 60;
    return hours > 0 ? hours + " h " + (minutes % 60) + " min" : minutes + " min";
  }

  private static String orDash(String value) {
    return value == null || value.isBlank() ? "—" : value;
  }

  private static String orElse(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  static String esc(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
