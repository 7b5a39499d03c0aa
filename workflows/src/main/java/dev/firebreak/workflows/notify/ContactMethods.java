package dev.firebreak.workflows.notify;

import dev.firebreak.workflows.notify.messages.ContactType;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Validation of contact methods, pure so that the API, the store and the tests agree on what a
 * reachable value is: E.164 numbers for SMS and voice, an email address, a Slack user id, an
 * {@code https} URL for Teams and webhooks.
 */
public final class ContactMethods {

  private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  /** http(s), a host, an optional port, then anything without spaces. */
  private static final Pattern URL = Pattern.compile(
      "^(?i:https?)://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/\\S*)?$");
  private static final Pattern SLACK_ID = Pattern.compile("^[UW][A-Z0-9]{2,30}$");

  private ContactMethods() {}

  /** Why {@code value} cannot be a contact of this type, or empty when it can. */
  public static Optional<String> problem(ContactType type, String value) {
    if (value == null || value.isBlank()) {
      return Optional.of("is required");
    }
    String v = value.trim();
    if (v.length() > 2048) {
      return Optional.of("must be at most 2048 characters");
    }
    return switch (type) {
      case SMS, VOICE -> E164.matcher(v).matches() ? Optional.empty()
          : Optional.of("'" + v + "' is not an E.164 phone number (like +33612345689)");
      case EMAIL -> EMAIL.matcher(v).matches() && v.length() <= 320 ? Optional.empty()
          : Optional.of("'" + v + "' is not an email address");
      case SLACK -> SLACK_ID.matcher(v).matches() ? Optional.empty()
          : Optional.of("'" + v + "' is not a Slack user id (like U024BE7LH)");
      case TEAMS, WEBHOOK -> urlProblem(v);
    };
  }

  /**
   * A number shown on the timeline with its middle hidden, "+33 6 … 89": enough for its owner to
   * recognise it, not enough to copy it.
   */
  public static String masked(ContactType type, String value) {
    if ((type == ContactType.SMS || type == ContactType.VOICE) && value.length() > 6) {
      return value.substring(0, 3) + " " + value.charAt(3) + " … " + value.substring(
          value.length() - 2);
    }
    return value;
  }

  private static Optional<String> urlProblem(String v) {
    return URL.matcher(v).matches() ? Optional.empty()
        : Optional.of("'" + v + "' is not an http(s) URL");
  }
}
