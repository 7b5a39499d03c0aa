package dev.firebreak.workflows.integrations;

import dev.firebreak.workflows.Retries;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.Status;
import dev.firebreak.workflows.integrations.messages.IncidentIntegrations;
import dev.firebreak.workflows.integrations.messages.JiraTicket;
import dev.firebreak.workflows.integrations.messages.PostmortemPage;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * An incident's integrations, kept out of the lifecycle's code as {@code IncidentSlack} is: a
 * Jira ticket when the incident is declared, a Confluence postmortem page when it enters
 * POST_MORTEM. Each runs on the integrations worker with the retries its deployment set, and its
 * outcome, success or giving up, becomes a timeline note; it never blocks the lifecycle.
 *
 * <p>Workflow code: deterministic, no I/O except through activities.
 */
public final class IncidentIntegrationCalls {

  /** getVersion change ids of the integrations' side effects. */
  public static final String JIRA_TICKET = "jira-ticket";

  public static final String POSTMORTEM_PAGE = "postmortem-page";

  private static final Logger log = Workflow.getLogger(IncidentIntegrationCalls.class);

  private final IncidentIntegrations settings;
  private boolean postmortemPageWanted;

  public IncidentIntegrationCalls(IncidentIntegrations settings) {
    this.settings = settings == null ? IncidentIntegrations.NONE : settings;
  }

  /** After the incident is declared: its Jira ticket, when wanted. */
  public void declared(Incident incident, Consumer<String> note) {
    if (settings.jiraTicket()
        && Workflow.getVersion(JIRA_TICKET, Workflow.DEFAULT_VERSION, 1) == 1) {
      createJiraTicket(incident, note);
    }
  }

  /** After a status change: entering POST_MORTEM asks for the postmortem page. */
  public void statusChanged(Status to) {
    if (to == Status.POST_MORTEM && settings.postmortemPage()) {
      postmortemPageWanted = true;
    }
  }

  /** Whether {@link #drain} has something to do; safe in an await condition. */
  public boolean hasWork() {
    return postmortemPageWanted;
  }

  /** Runs what a status change asked for, from the workflow's main loop. */
  public void drain(Incident incident, Consumer<String> note) {
    if (postmortemPageWanted) {
      postmortemPageWanted = false;
      createPostmortemPage(incident, note);
    }
  }

  private ActivityOptions options() {
    return Retries.integration(settings.initialInterval(), settings.maxAttempts());
  }

  private void createJiraTicket(Incident incident, Consumer<String> note) {
    JiraActivities jira = Workflow.newActivityStub(JiraActivities.class, options());
    try {
      JiraTicket ticket = jira.createIncidentTicket(incident);
      note.accept("Jira ticket " + ticket.key() + (ticket.created() ? " created: " : " linked: ")
          + ticket.url());
    } catch (ActivityFailure failure) {
      log.warn("incident {}: no Jira ticket: {}", incident.id(), failure.getMessage());
      note.accept("Jira ticket could not be created: " + IntegrationFailures.reason(failure));
    }
  }

  private void createPostmortemPage(Incident incident, Consumer<String> note) {
    if (Workflow.getVersion(POSTMORTEM_PAGE, Workflow.DEFAULT_VERSION, 1) != 1) {
      return;
    }
    ConfluenceActivities confluence =
        Workflow.newActivityStub(ConfluenceActivities.class, options());
    try {
      PostmortemPage page = confluence.createPostmortemPage(incident);
      note.accept("Postmortem page " + (page.created() ? "created: " : "linked: ") + page.url());
    } catch (ActivityFailure failure) {
      log.warn("incident {}: no postmortem page: {}", incident.id(), failure.getMessage());
      note.accept("Postmortem page could not be created: " + IntegrationFailures.reason(failure));
    }
  }
}
