package dev.firebreak.workflows.incident;

import dev.firebreak.workflows.incident.messages.Incident;

/**
 * What Temporal UI shows as a running incident's current details
 * ({@code Workflow.setCurrentDetails}, markdown): where it stands and what happens next. Pure
 * functions of workflow state: setting the details records no command, so it changes no history
 * and needs no version.
 */
public final class IncidentDetails {

  private IncidentDetails() {}

  public static String incident(Incident incident) {
    StringBuilder md = new StringBuilder()
        .append("**").append(incident.priority()).append(" · ").append(incident.status())
        .append("** · incident #").append(incident.id()).append(": ").append(incident.title());
    md.append("\n\n- commander: ").append(orNobody(incident.roles().commander()));
    md.append("\n- communication lead: ").append(orNobody(incident.roles().communicationLead()));
    md.append("\n- version ").append(incident.version());
    return md.toString();
  }

  private static String orNobody(String who) {
    return who == null || who.isBlank() ? "nobody yet" : who;
  }
}
