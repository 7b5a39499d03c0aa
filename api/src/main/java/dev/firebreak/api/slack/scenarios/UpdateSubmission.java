package dev.firebreak.api.slack.scenarios;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.firebreak.api.slack.IncidentModals;
import dev.firebreak.api.slack.SlackAuthors;
import dev.firebreak.api.slack.SlackIncidentUpdates;
import dev.firebreak.api.slack.SlackIncidents;
import dev.firebreak.api.slack.SlackRoute;
import dev.firebreak.api.slack.SlackScenario;
import dev.firebreak.workflows.incident.messages.AddUpdate;
import dev.firebreak.workflows.incident.messages.ChangeDetails;
import dev.firebreak.workflows.incident.messages.ChangeRoles;
import dev.firebreak.workflows.incident.messages.ChangeStatus;
import dev.firebreak.workflows.incident.messages.Environment;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The update form submitted: only what differs from the incident is sent, one update per kind
 * (status, roles, details), each with an id from the view, so a retry changes nothing twice. A
 * message with no other change is a timeline update. A refusal shows under the field it concerns.
 */
@Component
public class UpdateSubmission implements SlackScenario {

  private static final Logger log = LoggerFactory.getLogger(UpdateSubmission.class);

  /** One update to send: its name, its id's suffix, the message, and the field for a refusal. */
  record Change(String update, String suffix, Object message, String field) {}

  private final SlackIncidents incidents;
  private final SlackAuthors authors;

  public UpdateSubmission(SlackIncidents incidents, SlackAuthors authors) {
    this.incidents = incidents;
    this.authors = authors;
  }

  @Override
  public List<SlackRoute> routes() {
    return List.of(SlackRoute.submission(IncidentModals.UPDATE, this::submit));
  }

  Response submit(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
    View view = request.getPayload().getView();
    long id = Long.parseLong(view.getPrivateMetadata());
    String author = authors.author(request.getPayload().getUser().getId(),
        request.getPayload().getUser().getUsername());
    List<Change> changes = changes(incidents.get(id), view.getState().getValues(), author);
    if (changes.isEmpty()) {
      return ctx.ackWithErrors(Map.of("status", "Nothing to change"));
    }
    String key = "slack-view-" + view.getId() + "-" + view.getHash();
    try {
      for (Change change : changes) {
        try {
          incidents.apply(id, change.update(), key + "-" + change.suffix(), change.message());
        } catch (SlackIncidentUpdates.Refused refused) {
          return ctx.ackWithErrors(Map.of(change.field(), refused.getMessage()));
        }
      }
    } catch (RuntimeException e) {
      log.warn("could not update incident {} from Slack: {}", id, e.toString());
      return ctx.ackWithErrors(Map.of("status", "Firebreak could not apply the change right now;"
          + " try again"));
    }
    return ctx.ack();
  }

  /** What the form changes in the incident, in the order it is applied. */
  private List<Change> changes(Incident current, Map<String, Map<String, ViewState.Value>> values,
      String author) {
    String message = IncidentModals.value(values, "message");
    Status status = Status.valueOf(Objects.requireNonNullElse(
        IncidentModals.value(values, "status"), current.status().name()));
    String commander = authors.mention(IncidentModals.value(values, "commander"));
    String lead = authors.mention(IncidentModals.value(values, "communication_lead"));
    Priority priority = Priority.valueOf(Objects.requireNonNullElse(
        IncidentModals.value(values, "priority"), current.priority().name()));
    Environment environment = Environment.valueOf(Objects.requireNonNullElse(
        IncidentModals.value(values, "environment"), current.environment().name()));
    String title = Objects.requireNonNullElse(IncidentModals.value(values, "title"),
        current.title());
    List<Change> changes = new ArrayList<>();
    if (status != current.status()) {
      changes.add(new Change("changeStatus", "status",
          new ChangeStatus(status, message, null, author), "status"));
    }
    boolean newCommander = commander != null && !commander.equals(current.roles().commander());
    boolean newLead = lead != null && !lead.equals(current.roles().communicationLead());
    if (newCommander || newLead) {
      changes.add(new Change("changeRoles", "roles", new ChangeRoles(
          newCommander ? commander : null, newLead ? lead : null, author), "commander"));
    }
    boolean newPriority = priority != current.priority();
    boolean newEnvironment = environment != current.environment();
    boolean newTitle = !title.equals(current.title());
    if (newPriority || newEnvironment || newTitle) {
      changes.add(new Change("changeDetails", "details",
          new ChangeDetails(newTitle ? title : null, null, newPriority ? priority : null,
              newEnvironment ? environment : null, null, author),
          newTitle ? "title" : "priority"));
    }
    if (changes.isEmpty() && message != null) {
      changes.add(new Change("addUpdate", "update", new AddUpdate(message, author), "message"));
    }
    return changes;
  }
}
