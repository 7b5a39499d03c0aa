package dev.firebreak.api.slack.scenarios;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.firebreak.activities.directory.Service;
import dev.firebreak.activities.slack.SlackInteractions;
import dev.firebreak.activities.slack.SlackSettings;
import dev.firebreak.api.slack.SlackAnswers;
import dev.firebreak.api.slack.SlackAuthors;
import dev.firebreak.api.slack.SlackIncidents;
import dev.firebreak.api.slack.SlackOnCall;
import dev.firebreak.api.slack.SlackRoute;
import dev.firebreak.api.slack.SlackScenario;
import dev.firebreak.workflows.incident.messages.Environment;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.KeyEvents;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Roles;
import dev.firebreak.workflows.incident.messages.Status;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * "Page &lt;service&gt;" under {@code /incident oncall}: opens a P2 incident on the service, whose
 * escalation policy then pages. The dedup key comes from the click, so Slack's retry of the same
 * click opens nothing more.
 */
@Component
public class PageServiceButton implements SlackScenario {

  private final SlackSettings settings;
  private final SlackInteractions services;
  private final SlackIncidents incidents;
  private final SlackAuthors authors;

  public PageServiceButton(SlackSettings settings, SlackInteractions services,
      SlackIncidents incidents, SlackAuthors authors) {
    this.settings = settings;
    this.services = services;
    this.incidents = incidents;
    this.authors = authors;
  }

  @Override
  public List<SlackRoute> routes() {
    return List.of(SlackRoute.button(SlackOnCall.PAGE_ACTION, this::page));
  }

  Response page(BlockActionRequest request, ActionContext ctx) {
    BlockActionPayload payload = request.getPayload();
    BlockActionPayload.Action action = payload.getActions().get(0);
    String author = authors.author(payload.getUser().getId(), payload.getUser().getUsername());
    Optional<Service> service = services.service(Long.parseLong(action.getValue()));
    if (service.isEmpty()) {
      return SlackAnswers.reply(ctx, ":warning: That service no longer exists.");
    }
    Incident draft = new Incident(0, "Paged from Slack: " + service.get().name(),
        "Paged by " + author + " with /" + settings.command().replace("/", "") + " oncall",
        Priority.P2, Environment.PRD, null, false,
        "slack-page-" + payload.getUser().getId() + "-" + action.getActionTs(), null, author,
        Status.OPEN, null, Roles.NONE, KeyEvents.NONE, 0, service.get().id());
    Incident incident = incidents.open(draft);
    return SlackAnswers.reply(ctx, ":rotating_light: Incident #" + incident.id() + " opened on "
        + service.get().name() + "; its escalation policy is paging.");
  }
}
