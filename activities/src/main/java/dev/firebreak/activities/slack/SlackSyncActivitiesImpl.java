package dev.firebreak.activities.slack;

import com.slack.api.methods.response.conversations.ConversationsListResponse;
import com.slack.api.methods.response.usergroups.UsergroupsListResponse;
import com.slack.api.methods.response.users.UsersListResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;
import com.slack.api.model.User;
import com.slack.api.model.Usergroup;
import dev.firebreak.workflows.slack.SlackSyncActivities;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Slack's users, user groups and conversations into the mirror tables. */
@Component("slackSyncActivities")
public class SlackSyncActivitiesImpl implements SlackSyncActivities {

  private final SlackApi slack;
  private final SlackStore store;
  private final SlackGroups groups;

  public SlackSyncActivitiesImpl(SlackApi slack, SlackStore store, SlackGroups groups) {
    this.slack = slack;
    this.store = store;
    this.groups = groups;
  }

  @Override
  public int syncUsers() {
    try {
      int count = 0;
      String cursor = null;
      do {
        String page = cursor;
        UsersListResponse list = slack.call("users.list",
            m -> m.usersList(r -> r.limit(200).cursor(page)));
        for (User u : list.getMembers()) {
          store.syncUser(new SlackStore.User(u.getId(), u.getName(), u.getRealName(),
              u.getProfile() == null ? null : u.getProfile().getEmail(), u.isDeleted(), u.isBot()));
          count++;
        }
        cursor = list.getResponseMetadata() == null ? null
            : list.getResponseMetadata().getNextCursor();
      } while (cursor != null && !cursor.isEmpty());
      return count;
    } catch (SlackCallFailed failed) {
      throw SlackApi.activityFailure(failed);
    }
  }

  @Override
  public int syncUsergroups() {
    try {
      UsergroupsListResponse list = slack.call("usergroups.list",
          m -> m.usergroupsList(r -> r.includeUsers(true).includeDisabled(false)));
      for (Usergroup g : list.getUsergroups()) {
        store.syncUsergroup(g.getId(), g.getHandle(), g.getName(),
            g.getUsers() == null ? List.of() : g.getUsers());
      }
      return list.getUsergroups().size();
    } catch (SlackCallFailed failed) {
      throw SlackApi.activityFailure(failed);
    }
  }

  @Override
  public int syncConversations() {
    try {
      // members only of the conversations Firebreak uses: fetching every channel's is costly
      Set<String> used = store.conversations(null).stream()
          .filter(c -> c.managed()).map(SlackGroup::id).collect(Collectors.toSet());
      int count = 0;
      String cursor = null;
      do {
        String page = cursor;
        ConversationsListResponse list = slack.call("conversations.list",
            m -> m.conversationsList(r -> r.limit(1000).cursor(page).excludeArchived(false)
                .types(List.of(ConversationType.PUBLIC_CHANNEL, ConversationType.PRIVATE_CHANNEL))));
        for (Conversation c : list.getChannels()) {
          List<String> members = used.contains(c.getId()) && !c.isArchived()
              ? groups.conversationMembers(c.getId()) : List.of();
          store.syncConversation(c.getId(), c.getName(), c.isPrivate(), c.isArchived(), members);
          count++;
        }
        cursor = list.getResponseMetadata() == null ? null
            : list.getResponseMetadata().getNextCursor();
      } while (cursor != null && !cursor.isEmpty());
      return count;
    } catch (SlackCallFailed failed) {
      throw SlackApi.activityFailure(failed);
    }
  }
}
