package dev.firebreak.api.slack.scenarios;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.firebreak.api.problem.ApiException;
import dev.firebreak.api.slack.SlackAnswers;
import dev.firebreak.api.slack.SlackAuthors;
import dev.firebreak.api.slack.SlackIncidentUpdates;
import dev.firebreak.api.slack.SlackIncidents;
import dev.firebreak.api.slack.SlackRoute;
import dev.firebreak.api.slack.SlackScenario;
import dev.firebreak.workflows.incident.messages.Acknowledge;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * "Acknowledge" on an escalation page (the on-call SlackPager's DM, valued with the incident id):
 * stops the paging. The update id is the user and the click, so a retried click acknowledges once.
 */
@Component
public class AcknowledgeButton implements SlackScenario {

  /** The action id the SlackPager gives the button. */
  public static final String ACTION = "incident_acknowledge";

  private final SlackIncidents incidents;
  private final SlackAuthors authors;

  public AcknowledgeButton(SlackIncidents incidents, SlackAuthors authors) {
    this.incidents = incidents;
    this.authors = authors;
  }

  @Override
  public List<SlackRoute> routes() {
    return List.of(SlackRoute.button(ACTION, this::acknowledge));
  }

  Response acknowledge(BlockActionRequest request, ActionContext ctx) {
    BlockActionPayload payload = request.getPayload();
    BlockActionPayload.Action action = payload.getActions().get(0);
    long id = Long.parseLong(action.getValue());
    String slackUser = payload.getUser().getId();
    String author = authors.author(slackUser, payload.getUser().getUsername());
    try {
      incidents.apply(id, "acknowledge", "slack-ack-" + slackUser + "-" + action.getActionTs(),
          new Acknowledge(authors.userId(slackUser), author));
      return SlackAnswers.reply(ctx, ":white_check_mark: " + author + " acknowledged incident #"
          + id + ": paging stopped.");
    } catch (SlackIncidentUpdates.Refused | ApiException refused) {
      return SlackAnswers.reply(ctx, ":warning: Incident #" + id + ": " + refused.getMessage());
    }
  }
}
