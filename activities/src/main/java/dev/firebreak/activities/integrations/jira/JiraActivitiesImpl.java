package dev.firebreak.activities.integrations.jira;

import dev.firebreak.activities.directory.User;
import dev.firebreak.activities.directory.UserStore;
import dev.firebreak.activities.integrations.IncidentLinkStore;
import dev.firebreak.activities.integrations.IntegrationSettings;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.integrations.JiraActivities;
import dev.firebreak.workflows.integrations.messages.JiraTicket;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One Jira ticket per incident. Idempotent: the ticket carries the label {@code
 * firebreak-incident-<id>}, and a retry first looks for the link already stored, then for an
 * issue with that label, before it creates one.
 */
@Component("jiraActivities")
public class JiraActivitiesImpl implements JiraActivities {

  private static final Logger log = LoggerFactory.getLogger(JiraActivitiesImpl.class);

  private final JiraSettings settings;
  private final JiraClient jira;
  private final IncidentLinkStore links;
  private final IntegrationSettings integrations;
  private final UserStore users;

  public JiraActivitiesImpl(
      JiraSettings settings, JiraClient jira, IncidentLinkStore links,
      IntegrationSettings integrations, UserStore users) {
    this.settings = settings;
    this.jira = jira;
    this.links = links;
    this.integrations = integrations;
    this.users = users;
  }

  public static String label(long incidentId) {
    return "firebreak-incident-" + incidentId;
  }

  /** P1..P5 are Jira priorities 1..5. */
  public static String priorityId(Priority priority) {
    return priority == null ? "1" : Integer.toString(priority.level());
  }

  public static String emoji(Priority priority) {
    if (priority == null) {
      return "";
    }
    return switch (priority) {
      case P1 -> "🔥";
      case P2 -> "🚨";
      case P3 -> "⚠️";
      case P4 -> "ℹ️";
      case P5 -> "💡";
    };
  }

  @Override
  public JiraTicket createIncidentTicket(Incident incident) {
    if (!settings.enabled()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Jira is not enabled (ENABLE_JIRA)", "JiraDisabled");
    }
    IncidentLinkStore.Links stored = links.links(incident.id());
    if (stored.jiraTicketKey() != null) {
      return new JiraTicket(stored.jiraTicketKey(), stored.jiraTicketUrl(), false);
    }
    String label = label(incident.id());
    Optional<String> existing = jira.findIssueKeyByLabel(label);
    String key = existing.orElseGet(() -> jira.createIssue(fields(incident, label)));
    String url = jira.browseUrl(key);
    links.saveJiraTicket(incident.id(), key, url);
    log.info("incident {}: Jira ticket {} {}", incident.id(), key,
        existing.isPresent() ? "found" : "created");
    return new JiraTicket(key, url, existing.isEmpty());
  }

  Map<String, Object> fields(Incident incident, String label) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("project", Map.of("key", settings.projectKey()));
    fields.put("issuetype", Map.of("name", settings.issueType()));
    fields.put("summary", incident.title());
    fields.put("description", description(incident));
    fields.put("priority", Map.of("id", priorityId(incident.priority())));
    String reporter = reporter(incident.createdBy());
    if (reporter != null) {
      fields.put("reporter", Map.of("id", reporter));
    }
    List<String> labels = new ArrayList<>(settings.labels());
    labels.add(label);
    fields.put("labels", labels);
    if (settings.categoryField() != null && incident.category() != null) {
      fields.put(settings.categoryField(), Map.of("value", incident.category()));
    }
    return fields;
  }

  /** The creator's Jira account when they are known to Jira by email, else the default one. */
  String reporter(String createdBy) {
    Optional<String> email = email(createdBy);
    if (email.isPresent()) {
      Optional<String> account = jira.findAccountIdByEmail(email.get());
      if (account.isPresent()) {
        return account.get();
      }
    }
    return settings.defaultReporterId();
  }

  /** The creator's email: given as one, or a Firebreak user's by Slack user id or user id. */
  Optional<String> email(String createdBy) {
    if (createdBy == null || createdBy.isBlank()) {
      return Optional.empty();
    }
    String who = createdBy.trim();
    if (who.contains("@")) {
      return Optional.of(who);
    }
    Optional<User> user = users.findBySlackUserId(who);
    if (user.isEmpty() && who.matches("\\d{1,18}")) {
      user = users.find(Long.parseLong(who));
    }
    return user.map(User::email);
  }

  String description(Incident incident) {
    StringBuilder text = new StringBuilder();
    String incidentUrl = integrations.incidentUrl(incident.id());
    text.append("*Firebreak incident #").append(incident.id()).append("*: ")
        .append(incident.title()).append('\n');
    text.append("*Priority*: ").append(emoji(incident.priority())).append(' ')
        .append(incident.priority()).append('\n');
    text.append("*Environment*: ").append(incident.environment()).append('\n');
    text.append("*Category*: ")
        .append(incident.category() == null ? "none" : incident.category()).append('\n');
    if (incident.createdBy() != null) {
      text.append("*Declared by*: ").append(incident.createdBy()).append('\n');
    }
    if (incident.description() != null && !incident.description().isBlank()) {
      text.append('\n').append(incident.description().trim()).append("\n\n");
    }
    text.append("*Incident page*: [").append(incidentUrl).append('|').append(incidentUrl)
        .append("]\n");
    if (settings.toolboxUrl() != null) {
      text.append("*Toolbox*: [").append(settings.toolboxUrl()).append('|')
          .append(settings.toolboxUrl()).append("]\n");
    }
    text.append("\n_This ticket is kept by Firebreak; changes made here are not synced back._");
    return text.toString();
  }
}
