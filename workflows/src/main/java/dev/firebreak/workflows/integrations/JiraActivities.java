package dev.firebreak.workflows.integrations;

import dev.firebreak.workflows.integrations.messages.JiraTicket;
import dev.firebreak.workflows.incident.messages.Incident;
import io.temporal.activity.ActivityInterface;

/** Jira side effects of an incident; runs on the integrations task queue. */
@ActivityInterface
public interface JiraActivities {

  /**
   * Creates the incident's Jira ticket, or finds the one an earlier try created (by its label
   * {@code firebreak-incident-<id>}), and keeps its key and URL on the incident's read model.
   */
  JiraTicket createIncidentTicket(Incident incident);
}
