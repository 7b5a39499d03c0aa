package dev.firebreak.api.slack.scenarios;

import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.view.View;
import dev.firebreak.activities.slack.SlackInteractions;
import dev.firebreak.api.problem.ApiException;
import dev.firebreak.api.slack.SlackAnswers;
import dev.firebreak.api.slack.SlackIncidents;
import dev.firebreak.workflows.incident.messages.Incident;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The incident a subcommand is about: the one numbered in its arguments ({@code 42} or
 * {@code #42}), else the one whose channel it runs in.
 */
@Component
public class IncidentTarget {

  private final SlackIncidents incidents;
  private final SlackInteractions store;

  public IncidentTarget(SlackIncidents incidents, SlackInteractions store) {
    this.incidents = incidents;
    this.store = store;
  }

  /** The incident, or empty in a channel that is no incident's; 404 for a bad number. */
  public Optional<Incident> of(Invocation in) {
    String args = in.args().replace("#", "").trim();
    if (!args.isEmpty()) {
      try {
        return Optional.of(incidents.get(Long.parseLong(args.split("\\s+")[0])));
      } catch (NumberFormatException e) {
        throw ApiException.notFound("`" + args + "` is not an incident number");
      }
    }
    return store.incidentOfChannel(in.payload().getChannelId()).map(incidents::get);
  }

  /** Opens the incident's form (update, close) on the user's trigger, or says why not. */
  public Response openForm(Invocation in, Function<Incident, View> form)
      throws IOException, SlackApiException {
    Optional<Incident> incident = of(in);
    if (incident.isEmpty()) {
      return in.ctx().ack(none(in));
    }
    String error = SlackAnswers.openView(in.ctx().client(), in.payload().getTriggerId(),
        form.apply(incident.get()));
    return error == null ? in.ctx().ack() : in.ctx().ack(":warning: " + error);
  }

  /** What a subcommand answers when there is no incident to act on. */
  public static String none(Invocation in) {
    return ":warning: This channel is not an incident's channel: run `" + in.payload().getCommand()
        + " " + in.name() + " <id>` or run it in the incident's channel.";
  }
}
