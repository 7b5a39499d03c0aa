package dev.firebreak.api.slack.scenarios;

import com.slack.api.bolt.response.Response;
import dev.firebreak.api.slack.IncidentModals;
import dev.firebreak.api.slack.SlackIncidents;
import dev.firebreak.workflows.incident.messages.Incident;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code /incident status [id]}: the incident's headline, or every open incident's. */
@Component
@Order(40)
public class StatusSubcommand implements Subcommand {

  private final IncidentTarget target;
  private final SlackIncidents incidents;

  public StatusSubcommand(IncidentTarget target, SlackIncidents incidents) {
    this.target = target;
    this.incidents = incidents;
  }

  @Override
  public String name() {
    return "status";
  }

  @Override
  public String usage() {
    return "[id]";
  }

  @Override
  public String help() {
    return "this channel's incident, or the open ones";
  }

  @Override
  public Response run(Invocation in) {
    Optional<Incident> incident = target.of(in);
    if (incident.isPresent()) {
      return in.ctx().ack(IncidentModals.headline(incident.get()));
    }
    List<Incident> open = incidents.openIncidents(null);
    if (open.isEmpty()) {
      return in.ctx().ack("No open incident.");
    }
    StringBuilder text = new StringBuilder("*Open incidents*");
    for (Incident i : open) {
      text.append("\n").append(IncidentModals.headline(i).replace("\n", " — "));
    }
    return in.ctx().ack(text.toString());
  }
}
