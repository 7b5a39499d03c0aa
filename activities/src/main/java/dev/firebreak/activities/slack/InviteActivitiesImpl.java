package dev.firebreak.activities.slack;

import com.slack.api.methods.response.auth.AuthTestResponse;
import dev.firebreak.workflows.slack.InviteActivities;
import dev.firebreak.workflows.slack.InviteRequest;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The invite providers behind the {@code InviteWorkflow}; registered on the incidents worker. */
@Component("inviteActivities")
public class InviteActivitiesImpl implements InviteActivities {

  private final Map<String, InviteProvider> providers = new LinkedHashMap<>();
  private final SlackApi slack;
  private volatile String botUserId;

  public InviteActivitiesImpl(List<InviteProvider> providers, SlackApi slack) {
    providers.stream()
        .sorted(Comparator.comparing(InviteProvider::name))
        .forEach(p -> this.providers.put(p.name(), p));
    this.slack = slack;
  }

  @Override
  public List<String> providers() {
    return List.copyOf(providers.keySet());
  }

  @Override
  public List<String> responders(String provider, InviteRequest request) {
    InviteProvider found = providers.get(provider);
    if (found == null) {
      throw ApplicationFailure.newNonRetryableFailure("no invite provider " + provider,
          "UnknownInviteProvider");
    }
    try {
      return List.copyOf(found.responders(request));
    } catch (SlackCallFailed failed) {
      throw SlackApi.activityFailure(failed);
    }
  }

  @Override
  public List<String> invite(String channelId, List<String> userIds) {
    try {
      List<String> users = new ArrayList<>(userIds);
      users.remove(botUserId());
      if (users.isEmpty()) {
        return List.of();
      }
      try {
        slack.call("conversations.invite",
            m -> m.conversationsInvite(r -> r.channel(channelId).users(users).force(true)));
      } catch (SlackCallFailed failed) {
        // everyone asked is already there: what we wanted
        if (!"already_in_channel".equals(failed.error())) {
          throw failed;
        }
      }
      return users;
    } catch (SlackCallFailed failed) {
      throw SlackApi.activityFailure(failed);
    }
  }

  private String botUserId() {
    if (botUserId == null) {
      AuthTestResponse me = slack.call("auth.test", m -> m.authTest(r -> r));
      botUserId = me.getUserId();
    }
    return botUserId;
  }
}
