package dev.firebreak.activities.notify;

import dev.firebreak.workflows.notify.ContactMethods;
import dev.firebreak.workflows.notify.messages.ContactType;

/** A way to reach a user; {@code name} is the owner's label ("work phone"), may be null. */
public record ContactMethod(long id, long userId, ContactType type, String value, String name,
    boolean verified) {

  /** Whether a page may use it: SMS and voice numbers only once verified. */
  public boolean usable() {
    return verified || !type.needsVerification();
  }

  /** "SMS to Alice (+33 6 … 89)": what the timeline and the notification list say. */
  public String label(String userName) {
    String what = switch (type) {
      case SMS -> "SMS";
      case VOICE -> "call";
      case EMAIL -> "email";
      case SLACK -> "Slack message";
      case TEAMS -> "Teams message";
      case WEBHOOK -> "webhook";
    };
    String where = switch (type) {
      case SMS, VOICE, EMAIL -> " (" + ContactMethods.masked(type, value) + ")";
      default -> "";
    };
    return what + " to " + userName + where;
  }
}
