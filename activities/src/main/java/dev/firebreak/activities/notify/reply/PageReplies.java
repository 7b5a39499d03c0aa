package dev.firebreak.activities.notify.reply;

import dev.firebreak.activities.incident.CommandId;
import dev.firebreak.activities.incident.IncidentCommands;
import dev.firebreak.activities.incident.IncidentNotFound;
import dev.firebreak.activities.notify.NotificationPlans;
import dev.firebreak.workflows.incident.IncidentChangeRefused;
import dev.firebreak.workflows.incident.messages.Actor;
import dev.firebreak.workflows.incident.messages.ChangeStatus;
import dev.firebreak.workflows.incident.messages.Status;
import org.springframework.stereotype.Service;

/**
 * What a paged person answers through a page's own channel (an SMS reply, a key press, an email
 * link): acknowledge or resolve, through {@link IncidentCommands} like every other channel, with
 * a command id made from the reply so that a provider's retry applies once. An acknowledgement
 * also cancels every plan of the incident at once.
 */
@Service
public class PageReplies {

  /** What the person asked for. */
  public enum Action { ACKNOWLEDGE, RESOLVE }

  private final IncidentCommands commands;
  private final NotificationPlans plans;

  public PageReplies(IncidentCommands commands, NotificationPlans plans) {
    this.commands = commands;
    this.plans = plans;
  }

  /**
   * Applies the action for {@code userId}; answers a sentence for the person ("Incident #42
   * acknowledged."), a refusal included.
   */
  public String apply(long incidentId, Action action, long userId, Actor.Channel channel,
      String commandId) {
    Actor actor = new Actor(userId, null, channel);
    try {
      if (action == Action.ACKNOWLEDGE) {
        commands.acknowledge(incidentId, actor, CommandId.of(commandId + "-ack"));
        plans.cancelAll(incidentId, "acknowledged via " + channel.label());
        return "Incident #" + incidentId + " acknowledged.";
      }
      commands.changeStatus(incidentId, new ChangeStatus(Status.MITIGATED,
          "Resolved via " + channel.label(), null, null), actor,
          CommandId.of(commandId + "-resolve"));
      plans.cancelAll(incidentId, "resolved via " + channel.label());
      return "Incident #" + incidentId + " resolved.";
    } catch (IncidentChangeRefused e) {
      return "Incident #" + incidentId + ": " + e.getMessage();
    } catch (IncidentNotFound e) {
      return "There is no incident #" + incidentId + ".";
    }
  }
}
