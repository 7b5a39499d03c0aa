package dev.firebreak.activities.slack;

import dev.firebreak.workflows.slack.InviteRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The members of the user groups and conversations configured for the incident's category. */
@Component
public class CategoryInviteProvider implements InviteProvider {

  private final SlackStore store;
  private final SlackGroups groups;

  public CategoryInviteProvider(SlackStore store, SlackGroups groups) {
    this.store = store;
    this.groups = groups;
  }

  @Override
  public String name() {
    return "category";
  }

  @Override
  public List<String> responders(InviteRequest request) {
    if (request.category() == null) {
      return List.of();
    }
    List<String> users = new ArrayList<>();
    for (SlackGroup group : store.usergroupsOfCategory(request.category())) {
      users.addAll(groups.usergroupMembers(group.id()));
    }
    for (SlackGroup conversation : store.conversationsOfCategory(request.category())) {
      users.addAll(groups.conversationMembers(conversation.id()));
    }
    return users;
  }
}
