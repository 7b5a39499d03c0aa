package dev.firebreak.activities.slack;

import com.slack.api.methods.response.conversations.ConversationsMembersResponse;
import com.slack.api.methods.response.usergroups.users.UsergroupsUsersListResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The members of user groups and conversations, read from Slack when asked. */
@Component
public class SlackGroups {

  private final SlackApi slack;

  public SlackGroups(SlackApi slack) {
    this.slack = slack;
  }

  public List<String> usergroupMembers(String usergroupId) {
    UsergroupsUsersListResponse users = slack.call("usergroups.users.list",
        m -> m.usergroupsUsersList(r -> r.usergroup(usergroupId)));
    return users.getUsers() == null ? List.of() : users.getUsers();
  }

  public List<String> conversationMembers(String channelId) {
    List<String> members = new ArrayList<>();
    String cursor = null;
    do {
      String page = cursor;
      ConversationsMembersResponse response = slack.call("conversations.members",
          m -> m.conversationsMembers(r -> r.channel(channelId).limit(1000).cursor(page)));
      if (response.getMembers() != null) {
        members.addAll(response.getMembers());
      }
      cursor = response.getResponseMetadata() == null ? null
          : response.getResponseMetadata().getNextCursor();
    } while (cursor != null && !cursor.isEmpty());
    return members;
  }
}
