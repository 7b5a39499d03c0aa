package dev.firebreak.api.slack.scenarios;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.model.event.ReactionAddedEvent;
import dev.firebreak.activities.slack.SlackInteractions;
import dev.firebreak.api.slack.SlackAuthors;
import dev.firebreak.api.slack.SlackIncidentUpdates;
import dev.firebreak.api.slack.SlackIncidents;
import dev.firebreak.api.slack.SlackRoute;
import dev.firebreak.api.slack.SlackScenario;
import dev.firebreak.workflows.incident.messages.AddUpdate;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A {@code :mega:} reaction on a message in an incident's channel: the message goes on the
 * incident's timeline, once. The event id makes the delivery key (Slack retries events), and the
 * channel and message make the update id; a failure forgets the delivery so that the retry runs.
 */
@Component
public class MegaReaction implements SlackScenario {

  private static final Logger log = LoggerFactory.getLogger(MegaReaction.class);

  /** Slack caps a message at 40,000 characters; a timeline entry is kept shorter. */
  static final int MAX_TEXT = 4000;

  private final SlackInteractions store;
  private final SlackIncidents incidents;
  private final SlackAuthors authors;

  public MegaReaction(SlackInteractions store, SlackIncidents incidents, SlackAuthors authors) {
    this.store = store;
    this.incidents = incidents;
    this.authors = authors;
  }

  @Override
  public List<SlackRoute> routes() {
    return List.of(SlackRoute.event(ReactionAddedEvent.class, this::reactionAdded));
  }

  Response reactionAdded(EventsApiPayload<ReactionAddedEvent> payload, EventContext ctx)
      throws IOException, SlackApiException {
    ReactionAddedEvent event = payload.getEvent();
    if (!"mega".equals(event.getReaction()) || event.getItem() == null
        || !"message".equals(event.getItem().getType())) {
      return ctx.ack();
    }
    String channel = event.getItem().getChannel();
    Optional<Long> incident = store.incidentOfChannel(channel);
    if (incident.isEmpty() || !store.firstDelivery("event-" + payload.getEventId())) {
      return ctx.ack();
    }
    try {
      String ts = event.getItem().getTs();
      ConversationsHistoryResponse history = ctx.client().conversationsHistory(r -> r
          .channel(channel).latest(ts).oldest(ts).inclusive(true).limit(1));
      if (!history.isOk() || history.getMessages() == null || history.getMessages().isEmpty()) {
        log.warn("cannot read the :mega: message {} in {}: {}", ts, channel, history.getError());
        return ctx.ack();
      }
      var message = history.getMessages().get(0);
      String text = message.getText() + (message.getUser() == null ? ""
          : " (message by <@" + message.getUser() + ">)");
      incidents.apply(incident.get(), "addUpdate", "slack-mega-" + channel + "-" + ts,
          new AddUpdate(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text,
              authors.author(event.getUser(), null)));
    } catch (SlackIncidentUpdates.Refused refused) {
      log.info("the :mega: message was not added to incident {}: {}", incident.get(),
          refused.getMessage());
    } catch (RuntimeException e) {
      store.forgetDelivery("event-" + payload.getEventId());
      throw e;
    }
    return ctx.ack();
  }
}
