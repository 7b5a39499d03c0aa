package dev.firebreak.api.slack.scenarios;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.firebreak.api.slack.SlackAuthors;
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
    return PageClick.handle(request, ctx, authors, click -> {
      incidents.apply(click.incidentId(), "acknowledge", click.updateId("ack"),
          new Acknowledge(authors.userId(click.slackUser()), click.author()));
      return ":white_check_mark: " + click.author() + " acknowledged incident #"
          + click.incidentId() + ": paging stopped.";
    });
  }
}
