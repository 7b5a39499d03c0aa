package dev.firebreak.activities.security;

import dev.firebreak.activities.directory.User;
import dev.firebreak.activities.directory.UserStore;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What a Slack user may do: they act with the role of their Firebreak user, matched by Slack id
 * or else by email. Someone who matches no one may declare and escalate, and nothing more
 * (FireFighter's promise: anyone can raise the alarm); observers may look and escalate.
 */
@Component
public class SlackPermissions {

  /** What a Slack interaction asks to do. */
  public enum Action {
    /** help: always allowed */
    HELP,
    DECLARE,
    ESCALATE,
    /** status, who is on call */
    READ,
    /** update, acknowledge, resolve, close */
    WORK
  }

  private final UserStore users;
  private final AccessStore access;

  public SlackPermissions(UserStore users, AccessStore access) {
    this.users = users;
    this.access = access;
  }

  /** What an {@code /incident} subcommand asks to do; unknown ones count as work. */
  public static Action actionOf(String subcommand) {
    return switch (subcommand) {
      case "", "help" -> Action.HELP;
      case "open" -> Action.DECLARE;
      case "sos" -> Action.ESCALATE;
      case "status", "oncall" -> Action.READ;
      default -> Action.WORK;
    };
  }

  /** The Firebreak user behind a Slack user, by Slack id first, then by email. */
  public Optional<User> userOf(String slackUserId, String email) {
    Optional<User> bySlack = slackUserId == null ? Optional.empty()
        : users.findBySlackUserId(slackUserId);
    return bySlack.isPresent() || email == null ? bySlack : users.findByEmail(email);
  }

  /** Null to allow, else the reason to tell the Slack user. */
  public String refusal(String slackUserId, String email, Action action) {
    return refusal(userOf(slackUserId, email).flatMap(u -> access.role(u.id())), action);
  }

  static String refusal(Optional<Role> role, Action action) {
    if (action == Action.HELP || action == Action.ESCALATE) {
      return null;
    }
    if (role.isEmpty()) {
      return action == Action.DECLARE ? null
          : "you are not a Firebreak user yet: you may declare incidents and escalate; ask an"
              + " admin to add you (matched by your Slack id or email) for more";
    }
    if (action == Action.READ || role.get().atLeast(Role.RESPONDER)) {
      return null;
    }
    return "an " + role.get().wire() + " may only look and escalate";
  }
}
