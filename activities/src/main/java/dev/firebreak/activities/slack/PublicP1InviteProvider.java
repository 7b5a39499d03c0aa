package dev.firebreak.activities.slack;

import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.slack.InviteRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** For public P1 incidents: the members of user groups and conversations tagged for them. */
@Component
public class PublicP1InviteProvider implements InviteProvider {

  public static final String TAG = "invited_for_all_public_p1";

  private final SlackStore store;
  private final SlackGroups groups;

  public PublicP1InviteProvider(SlackStore store, SlackGroups groups) {
    this.store = store;
    this.groups = groups;
  }

  @Override
  public String name() {
    return "public-p1";
  }

  @Override
  public List<String> responders(InviteRequest request) {
    if (request.priority() != Priority.P1 || request.privateIncident()) {
      return List.of();
    }
    List<String> users = new ArrayList<>();
    for (SlackGroup group : store.usergroupsTagged(TAG)) {
      users.addAll(groups.usergroupMembers(group.id()));
    }
    for (SlackGroup conversation : store.conversations(TAG)) {
      users.addAll(groups.conversationMembers(conversation.id()));
    }
    return users;
  }
}
