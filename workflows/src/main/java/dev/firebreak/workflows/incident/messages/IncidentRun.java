package dev.firebreak.workflows.incident.messages;

import dev.firebreak.workflows.integrations.messages.IncidentIntegrations;

/**
 * The input of an incident workflow run. A new incident starts with {@code nextTimelineSeq} 1; a
 * continued run carries on from where the previous one stopped.
 *
 * @param postmortemBackend whether a postmortem backend is enabled, so P1 and P2 incidents in PRD
 *     must pass through POST_MORTEM before they close
 * @param searchAttributes whether the server has Firebreak's search attributes registered, so the
 *     workflow keeps them up to date
 * @param integrations the side effects to perform (Jira ticket, postmortem page); null, as in
 *     runs started before integrations existed, means none
 * @param escalation the incident's escalations so far, carried over a continue-as-new; null when
 *     none ran
 * @param slack whether Slack is configured, so the workflow opens the incident's channel, invites
 *     responders and posts its changes there; null (runs started before Slack existed) is false
 */
public record IncidentRun(
    Incident incident,
    int nextTimelineSeq,
    boolean postmortemBackend,
    boolean searchAttributes,
    IncidentIntegrations integrations,
    IncidentEscalation escalation,
    Boolean slack) {

  public IncidentRun(
      Incident incident, int nextTimelineSeq, boolean postmortemBackend, boolean searchAttributes,
      IncidentIntegrations integrations, IncidentEscalation escalation) {
    this(incident, nextTimelineSeq, postmortemBackend, searchAttributes, integrations, escalation,
        null);
  }

  public IncidentRun(
      Incident incident, int nextTimelineSeq, boolean postmortemBackend, boolean searchAttributes) {
    this(incident, nextTimelineSeq, postmortemBackend, searchAttributes, null, null);
  }

  public IncidentRun(
      Incident incident, int nextTimelineSeq, boolean postmortemBackend, boolean searchAttributes,
      IncidentIntegrations integrations) {
    this(incident, nextTimelineSeq, postmortemBackend, searchAttributes, integrations, null);
  }

  public boolean slackEnabled() {
    return Boolean.TRUE.equals(slack);
  }

  public boolean continued() {
    return nextTimelineSeq > 1;
  }
}
