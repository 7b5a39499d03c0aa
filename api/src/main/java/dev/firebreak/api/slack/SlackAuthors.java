package dev.firebreak.api.slack;

import dev.firebreak.activities.directory.User;
import dev.firebreak.activities.directory.Users;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who acted in Slack, as Firebreak's timeline names them: the Firebreak user whose
 * {@code slackUserId} this is, else the Slack user name, else a Slack mention.
 */
@Component
public class SlackAuthors {

  private final Users users;

  public SlackAuthors(Users users) {
    this.users = users;
  }

  /** The author of an interaction by {@code userId} (named {@code userName} in Slack, if given). */
  public String author(String userId, String userName) {
    if (userId != null) {
      Optional<String> known = users.findBySlackUserId(userId).map(User::name);
      if (known.isPresent()) {
        return known.get();
      }
    }
    if (userName != null && !userName.isBlank()) {
      return userName;
    }
    return userId == null ? null : "<@" + userId + ">";
  }

  /** A role holder picked in Slack: the Firebreak user when known, else a Slack mention. */
  public String mention(String userId) {
    if (userId == null) {
      return null;
    }
    return users.findBySlackUserId(userId).map(User::name).orElse("<@" + userId + ">");
  }

  /** The Firebreak user id of a Slack user, when they are known. */
  public Long userId(String slackUserId) {
    return users.findBySlackUserId(slackUserId).map(User::id).orElse(null);
  }
}
