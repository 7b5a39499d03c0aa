package dev.firebreak.workflows.integrations.messages;

import java.time.Duration;

/**
 * Which side effects an incident workflow performs, decided when it starts so that its history
 * replays the same whatever the configuration is later.
 *
 * @param jiraTicket create one Jira ticket when the incident is declared
 * @param postmortemPage create one Confluence postmortem page when it enters POST_MORTEM
 * @param maxAttempts how many times an integration is tried before the incident timeline notes
 *     that it gave up
 * @param initialInterval the first retry delay (doubled on each retry, at most one minute)
 */
public record IncidentIntegrations(
    boolean jiraTicket, boolean postmortemPage, int maxAttempts, Duration initialInterval) {

  public static final IncidentIntegrations NONE =
      new IncidentIntegrations(false, false, 8, Duration.ofSeconds(2));

  public boolean any() {
    return jiraTicket || postmortemPage;
  }
}
