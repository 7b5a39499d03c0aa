package dev.firebreak.api.slack.scenarios;

import com.slack.api.bolt.response.Response;
import dev.firebreak.activities.slack.SlackSettings;
import dev.firebreak.activities.slack.SlackInteractions;
import dev.firebreak.api.slack.SlackAuthors;
import dev.firebreak.api.slack.SlackIncidentUpdates;
import dev.firebreak.api.slack.SlackIncidents;
import dev.firebreak.api.slack.SosCalls;
import dev.firebreak.workflows.incident.messages.AddUpdate;
import dev.firebreak.workflows.slack.SosWorkflow;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code /incident sos [message]}: calls the configured SOS responders into this channel, once per
 * command (the trigger id is the key), and notes it on the channel's incident, if any.
 */
@Component
@Order(50)
public class SosSubcommand implements Subcommand {

  private static final Logger log = LoggerFactory.getLogger(SosSubcommand.class);

  private final SlackSettings settings;
  private final SlackInteractions store;
  private final SosCalls sos;
  private final SlackIncidents incidents;
  private final SlackAuthors authors;

  public SosSubcommand(SlackSettings settings, SlackInteractions store, SosCalls sos,
      SlackIncidents incidents, SlackAuthors authors) {
    this.settings = settings;
    this.store = store;
    this.sos = sos;
    this.incidents = incidents;
    this.authors = authors;
  }

  @Override
  public String name() {
    return "sos";
  }

  @Override
  public String usage() {
    return "[message]";
  }

  @Override
  public String help() {
    return "call the SOS responders for help, here";
  }

  @Override
  public Response run(Invocation in) {
    List<String> targets = settings.sosTargets();
    if (targets.isEmpty()) {
      return in.ctx().ack(":warning: No SOS responders are configured (SLACK_SOS_TARGETS).");
    }
    String channel = in.payload().getChannelId();
    Long incidentId = store.incidentOfChannel(channel).orElse(null);
    String key = "sos-" + in.payload().getTriggerId();
    String author = authors.author(in.payload().getUserId(), in.payload().getUserName());
    sos.call(new SosWorkflow.SosRequest(channel, incidentId, targets, in.args(), author, key));
    if (incidentId != null) {
      try {
        incidents.apply(incidentId, "addUpdate", key, new AddUpdate(
            "SOS sent to " + String.join(", ", targets)
                + (in.args().isEmpty() ? "" : ": " + in.args()), author));
      } catch (SlackIncidentUpdates.Refused refused) {
        log.info("SOS not noted on incident {}: {}", incidentId, refused.getMessage());
      }
    }
    return in.ctx().ack(":sos: Calling " + targets.size() + " SOS responder"
        + (targets.size() == 1 ? "" : "s") + " for help.");
  }
}
