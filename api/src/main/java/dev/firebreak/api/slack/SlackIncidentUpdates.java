package dev.firebreak.api.slack;

import dev.firebreak.activities.incident.CommandId;
import dev.firebreak.activities.incident.IncidentCommands;
import dev.firebreak.activities.incident.IncidentNotFound;
import dev.firebreak.api.problem.ApiException;
import dev.firebreak.workflows.incident.IncidentChangeRefused;
import dev.firebreak.workflows.incident.messages.Acknowledge;
import dev.firebreak.workflows.incident.messages.Actor;
import dev.firebreak.workflows.incident.messages.AddUpdate;
import dev.firebreak.workflows.incident.messages.ChangeDetails;
import dev.firebreak.workflows.incident.messages.ChangeKeyEvents;
import dev.firebreak.workflows.incident.messages.ChangeRoles;
import dev.firebreak.workflows.incident.messages.ChangeStatus;
import dev.firebreak.workflows.incident.messages.Escalate;
import dev.firebreak.workflows.incident.messages.Incident;
import org.springframework.stereotype.Component;

/**
 * Sends Slack's changes through {@link IncidentCommands}, the one gateway, with the Slack
 * interaction (the view, the event) as the command id, so a repeated delivery is the same update
 * to Temporal and is applied once. The actor is the change's author, via Slack.
 */
@Component
public class SlackIncidentUpdates {

  /** The lifecycle refused the change; the message says why. */
  public static class Refused extends RuntimeException {
    public Refused(String reason) {
      super(reason);
    }
  }

  private final IncidentCommands commands;

  public SlackIncidentUpdates(IncidentCommands commands) {
    this.commands = commands;
  }

  /**
   * Applies {@code change}, one of the incident workflow's command messages: its type chooses the
   * typed update. {@code updateName} is kept for the callers' sake and only appears in errors.
   */
  public Incident apply(long incidentId, String updateName, String updateId, Object change) {
    CommandId id = CommandId.of(updateId);
    try {
      if (change instanceof Acknowledge ack) {
        return commands.acknowledge(incidentId,
            new Actor(ack.userId(), ack.author(), Actor.Channel.SLACK), id);
      }
      if (change instanceof ChangeStatus c) {
        return commands.changeStatus(incidentId, c, slack(c.author()), id);
      }
      if (change instanceof AddUpdate c) {
        return commands.addUpdate(incidentId, c, slack(c.author()), id);
      }
      if (change instanceof ChangeRoles c) {
        return commands.changeRoles(incidentId, c, slack(c.author()), id);
      }
      if (change instanceof ChangeDetails c) {
        return commands.changeDetails(incidentId, c, slack(c.author()), id);
      }
      if (change instanceof ChangeKeyEvents c) {
        return commands.changeKeyEvents(incidentId, c, slack(c.author()), id);
      }
      if (change instanceof Escalate c) {
        return commands.escalate(incidentId, c, slack(c.author()), id);
      }
    } catch (IncidentChangeRefused refused) {
      throw new Refused(refused.getMessage());
    } catch (IncidentNotFound missing) {
      throw ApiException.notFound(missing.getMessage());
    }
    throw new IllegalArgumentException("no incident update " + updateName + " takes "
        + (change == null ? "null" : change.getClass().getSimpleName()));
  }

  private static Actor slack(String author) {
    return Actor.of(author, Actor.Channel.SLACK);
  }
}
