package dev.firebreak.activities.slack;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The application service of Slack's configuration as admins set it over the API: which
 * conversations and user groups carry a tag or incident categories. The edge reads Slack for names
 * and members, then records them here.
 */
@Service
public class SlackConfiguration {

  /** The conversation and user group tags Firebreak understands. */
  public static final List<String> TAGS = SlackStore.TAGS;

  private final SlackStore store;

  public SlackConfiguration(SlackStore store) {
    this.store = store;
  }

  /** Conversations, all of them ({@code tag} null) or those with one tag. */
  public List<SlackGroup> conversations(String tag) {
    return store.conversations(tag);
  }

  /** Records a conversation's settings; returns it as stored. */
  public SlackGroup configureConversation(String id, String name, boolean privateChannel,
      String tag, List<String> categories) {
    store.configureConversation(id, name, privateChannel, tag, categories);
    return store.conversation(id).orElseThrow();
  }

  public boolean unmanageConversation(String id) {
    return store.unmanageConversation(id);
  }

  public List<SlackGroup> usergroups() {
    return store.usergroups();
  }

  /** Records a user group's settings and members; returns it as stored. */
  public SlackGroup configureUsergroup(String id, String handle, String name, String tag,
      List<String> categories, List<String> members) {
    store.configureUsergroup(id, handle, name, tag, categories, members);
    return store.usergroup(id).orElseThrow();
  }

  public boolean unmanageUsergroup(String id) {
    return store.unmanageUsergroup(id);
  }

  public Optional<SlackGroup> usergroup(String id) {
    return store.usergroup(id);
  }
}
