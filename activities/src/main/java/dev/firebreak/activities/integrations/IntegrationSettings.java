package dev.firebreak.activities.integrations;

import dev.firebreak.activities.integrations.confluence.ConfluenceSettings;
import dev.firebreak.activities.integrations.jira.JiraSettings;
import dev.firebreak.workflows.integrations.messages.IncidentIntegrations;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the integrations share: how a failing one is retried before the incident timeline notes
 * that it gave up, and the address of Firebreak's incident pages for links from elsewhere.
 */
@Component
public class IntegrationSettings {

  private final JiraSettings jira;
  private final ConfluenceSettings confluence;
  private final int maxAttempts;
  private final Duration initialInterval;
  private final String incidentUrlTemplate;

  public IntegrationSettings(
      JiraSettings jira,
      ConfluenceSettings confluence,
      @Value("${firebreak.integrations.retry.max-attempts:8}") int maxAttempts,
      @Value("${firebreak.integrations.retry.initial-interval:2s}") Duration initialInterval,
      @Value("${firebreak.integrations.incident-url:${FIREBREAK_PUBLIC_URL:http://localhost:8080}/api/v1/incidents/{id}}")
          String incidentUrlTemplate) {
    this.jira = jira;
    this.confluence = confluence;
    this.maxAttempts = Math.max(1, maxAttempts);
    this.initialInterval = initialInterval;
    this.incidentUrlTemplate = incidentUrlTemplate;
  }

  /** The side effects a new incident workflow performs, as its input. */
  public IncidentIntegrations forNewIncident() {
    return new IncidentIntegrations(
        jira.enabled(), confluence.postmortemsEnabled(), maxAttempts, initialInterval);
  }

  public String incidentUrl(long incidentId) {
    return incidentUrlTemplate.replace("{id}", Long.toString(incidentId));
  }
}
