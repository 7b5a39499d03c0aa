package dev.firebreak.activities.incident;

/**
 * A command names something that does not exist (a user, an escalation policy): the caller's input
 * is wrong, not the incident's state. The API answers 400 naming {@code field}.
 */
public class InvalidCommand extends RuntimeException {

  private final String field;

  public InvalidCommand(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
