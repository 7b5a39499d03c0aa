package dev.firebreak.workflows.alert;

import dev.firebreak.workflows.alert.messages.AlertGroup;

/**
 * What Temporal UI shows as a running alert group's current details
 * ({@code Workflow.setCurrentDetails}, markdown): where it stands and what happens next. Pure
 * functions of workflow state: setting the details records no command, so it changes no history
 * and needs no version.
 */
public final class AlertGroupDetails {

  private AlertGroupDetails() {}

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
}
