package dev.firebreak.api.slack.scenarios;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.firebreak.activities.slack.SlackInteractions;
import dev.firebreak.api.slack.IncidentModals;
import dev.firebreak.api.slack.SlackAuthors;
import dev.firebreak.api.slack.SlackIncidents;
import dev.firebreak.api.slack.SlackRoute;
import dev.firebreak.api.slack.SlackScenario;
import dev.firebreak.workflows.incident.messages.Environment;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.KeyEvents;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Roles;
import dev.firebreak.workflows.incident.messages.Status;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The "Open an incident" form submitted: opens the incident and turns the modal into its
 * headline. The view's id and hash make the submission's delivery key, so Slack's retry opens
 * nothing more; a failure forgets the key and asks the user to try again, under the title.
 */
@Component
public class OpenSubmission implements SlackScenario {

  private static final Logger log = LoggerFactory.getLogger(OpenSubmission.class);

  private final SlackIncidents incidents;
  private final SlackInteractions store;
  private final SlackAuthors authors;

  public OpenSubmission(SlackIncidents incidents, SlackInteractions store, SlackAuthors authors) {
    this.incidents = incidents;
    this.store = store;
    this.authors = authors;
  }

  @Override
  public List<SlackRoute> routes() {
    return List.of(SlackRoute.submission(IncidentModals.OPEN, this::submit));
  }

  Response submit(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
    View view = request.getPayload().getView();
    Map<String, Map<String, ViewState.Value>> values = view.getState().getValues();
    String title = IncidentModals.value(values, "title");
    if (title == null) {
      return ctx.ackWithErrors(Map.of("title", "A title is required"));
    }
    String delivery = "view-" + view.getId() + "-" + view.getHash();
    if (!store.firstDelivery(delivery)) {
      return ctx.ack(); // the same submission again: already opened
    }
    String author = authors.author(request.getPayload().getUser().getId(),
        request.getPayload().getUser().getUsername());
    Incident draft = new Incident(0, title, IncidentModals.value(values, "description"),
        Priority.valueOf(Objects.requireNonNullElse(
            IncidentModals.value(values, "priority"), "P3")),
        Environment.valueOf(Objects.requireNonNullElse(
            IncidentModals.value(values, "environment"), "PRD")),
        IncidentModals.value(values, "category"),
        "private".equals(IncidentModals.value(values, "private")), null, null, author,
        Status.OPEN, null, Roles.NONE, KeyEvents.NONE, 0, null);
    try {
      Incident created = incidents.open(draft);
      // before the workflow gets to its invitations (several Slack calls later): the opener is
      // invited into the channel
      store.opened(created.id(), request.getPayload().getUser().getId());
      log.info("incident {} opened from Slack by {}", created.id(), author);
      return ctx.ackWithUpdate(IncidentModals.opened(created));
    } catch (RuntimeException e) {
      store.forgetDelivery(delivery);
      log.warn("could not open an incident from Slack: {}", e.toString());
      return ctx.ackWithErrors(Map.of("title",
          "Firebreak could not open the incident right now; try again"));
    }
  }
}
