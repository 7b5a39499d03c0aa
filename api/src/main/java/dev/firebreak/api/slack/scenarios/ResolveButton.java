package dev.firebreak.api.slack.scenarios;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.firebreak.api.slack.SlackAuthors;
import dev.firebreak.api.slack.SlackIncidents;
import dev.firebreak.api.slack.SlackRoute;
import dev.firebreak.api.slack.SlackScenario;
import dev.firebreak.workflows.incident.messages.ChangeStatus;
import dev.firebreak.workflows.incident.messages.Status;
import java.util.List;
import org.springframework.stereotype.Component;

/** "Resolve" on an escalation page: the incident is MITIGATED, which also stops its escalation. */
@Component
public class ResolveButton implements SlackScenario {

  /** The action id the SlackPager gives the button. */
  public static final String ACTION = "incident_resolve";

  private final SlackIncidents incidents;
  private final SlackAuthors authors;

  public ResolveButton(SlackIncidents incidents, SlackAuthors authors) {
    this.incidents = incidents;
    this.authors = authors;
  }

  @Override
  public List<SlackRoute> routes() {
    return List.of(SlackRoute.button(ACTION, this::resolve));
  }

  Response resolve(BlockActionRequest request, ActionContext ctx) {
    return PageClick.handle(request, ctx, authors, click -> {
      incidents.apply(click.incidentId(), "changeStatus", click.updateId("resolve"),
          new ChangeStatus(Status.MITIGATED, "Resolved from Slack by " + click.author(), null,
              click.author()));
      return ":white_check_mark: " + click.author() + " marked incident #" + click.incidentId()
          + " MITIGATED.";
    });
  }
}
