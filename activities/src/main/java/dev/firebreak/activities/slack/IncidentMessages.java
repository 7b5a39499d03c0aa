package dev.firebreak.activities.slack;

import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.slack.IncidentChannel;

/** The texts Firebreak posts about incidents (Slack mrkdwn). */
public final class IncidentMessages {

  private IncidentMessages() {}

  public static String summary(Incident i) {
    StringBuilder text = new StringBuilder()
        .append(":rotating_light: *Incident #").append(i.id()).append(": ").append(i.title())
        .append("*\n")
        .append("*Priority:* ").append(i.priority())
        .append("   *Environment:* ").append(i.environment())
        .append("   *Status:* ").append(i.status());
    if (i.category() != null) {
      text.append("   *Category:* ").append(i.category());
    }
    if (i.description() != null && !i.description().isBlank()) {
      text.append("\n").append(i.description());
    }
    if (i.createdBy() != null) {
      text.append("\n_Opened by ").append(i.createdBy()).append("_");
    }
    return text.toString();
  }

  public static String deployWarning(Incident i, IncidentChannel channel) {
    return ":warning: P1 incident in production: *" + i.title() + "* (#" + i.id()
        + "). Hold deployments unless they fix it; follow <#" + channel.channelId() + ">.";
  }

  public static String announcement(Incident i, IncidentChannel channel) {
    return ":rotating_light: New " + i.priority() + " incident in " + i.environment() + ": *"
        + i.title() + "* (#" + i.id() + "). Join <#" + channel.channelId() + ">.";
  }
}
