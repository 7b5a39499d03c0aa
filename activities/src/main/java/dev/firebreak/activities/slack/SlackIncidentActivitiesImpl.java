package dev.firebreak.activities.slack;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsCreateResponse;
import com.slack.api.methods.response.conversations.ConversationsListResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;
import dev.firebreak.workflows.incident.messages.Environment;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.slack.IncidentChannel;
import dev.firebreak.workflows.slack.SlackIncidentActivities;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Incident channels, announcements and channel posts; registered on the incidents worker. */
@Component("slackIncidentActivities")
public class SlackIncidentActivitiesImpl implements SlackIncidentActivities {

  private final SlackApi slack;
  private final SlackStore store;

  public SlackIncidentActivitiesImpl(SlackApi slack, SlackStore store) {
    this.slack = slack;
    this.store = store;
  }

  @Override
  public IncidentChannel openChannel(Incident incident) {
    try {
      Optional<IncidentChannel> known = store.channelOf(incident.id());
      IncidentChannel channel = known.orElseGet(() -> create(incident));
      store.saveChannel(incident.id(), channel);
      String summary = IncidentMessages.summary(incident);
      String key = "incident-" + incident.id() + "-summary";
      String ts = postOnce(channel.channelId(), summary, key);
      if (store.postedTs(key + "-pinned").isEmpty()) {
        pin(channel.channelId(), ts);
        store.posted(key + "-pinned", channel.channelId(), ts);
      }
      return channel;
    } catch (SlackCallFailed failed) {
      throw SlackApi.activityFailure(failed);
    }
  }

  private IncidentChannel create(Incident incident) {
    String name = ChannelNames.forIncident(incident.id(), incident.title());
    try {
      ConversationsCreateResponse created = slack.call("conversations.create",
          m -> m.conversationsCreate(r -> r.name(name).isPrivate(incident.privateIncident())));
      return new IncidentChannel(created.getChannel().getId(), name, incident.privateIncident());
    } catch (SlackCallFailed failed) {
      if (!"name_taken".equals(failed.error())) {
        throw failed;
      }
      // an earlier attempt created it and stopped before it was recorded: find it
      return find(name, incident.privateIncident()).orElseThrow(() -> failed);
    }
  }

  private Optional<IncidentChannel> find(String name, boolean privateChannel) {
    String cursor = null;
    do {
      String page = cursor;
      ConversationsListResponse list = slack.call("conversations.list",
          m -> m.conversationsList(r -> r.excludeArchived(true).limit(1000).cursor(page)
              .types(List.of(ConversationType.PUBLIC_CHANNEL, ConversationType.PRIVATE_CHANNEL))));
      for (Conversation c : list.getChannels()) {
        if (name.equals(c.getName())) {
          return Optional.of(new IncidentChannel(c.getId(), name, c.isPrivate()));
        }
      }
      cursor = list.getResponseMetadata() == null ? null : list.getResponseMetadata().getNextCursor();
    } while (cursor != null && !cursor.isEmpty());
    return Optional.empty();
  }

  private void pin(String channelId, String ts) {
    try {
      slack.call("pins.add", m -> m.pinsAdd(r -> r.channel(channelId).timestamp(ts)));
    } catch (SlackCallFailed failed) {
      if (!"already_pinned".equals(failed.error())) {
        throw failed;
      }
    }
  }

  @Override
  public int announce(Incident incident, IncidentChannel channel) {
    // as FireFighter: only public incidents in production; P1s also warn deployers
    if (incident.privateIncident() || incident.environment() != Environment.PRD) {
      return 0;
    }
    try {
      int count = 0;
      String text = IncidentMessages.announcement(incident, channel);
      for (SlackGroup target : store.conversations("tech_incidents")) {
        postOnce(target.id(), text, "incident-" + incident.id() + "-announce-" + target.id());
        count++;
      }
      if (incident.priority() == Priority.P1) {
        String warning = IncidentMessages.deployWarning(incident, channel);
        for (SlackGroup target : store.conversations("it_deploy")) {
          postOnce(target.id(), warning, "incident-" + incident.id() + "-deploy-" + target.id());
          count++;
        }
      }
      return count;
    } catch (SlackCallFailed failed) {
      throw SlackApi.activityFailure(failed);
    }
  }

  @Override
  public void post(String channelId, String text, String key) {
    try {
      postOnce(channelId, text, key);
    } catch (SlackCallFailed failed) {
      throw SlackApi.activityFailure(failed);
    }
  }

  /** Posts unless a message with this key was posted already; returns the message's ts. */
  String postOnce(String channelId, String text, String key) {
    Optional<String> done = store.postedTs(key);
    if (done.isPresent()) {
      return done.get();
    }
    ChatPostMessageResponse posted = slack.post("chat.postMessage", channelId,
        m -> m.chatPostMessage(r -> r.channel(channelId).text(text).mrkdwn(true)));
    store.posted(key, channelId, posted.getTs());
    return posted.getTs();
  }
}
