package dev.firebreak.activities.incident;

import java.util.UUID;

/**
 * The Temporal update id of one command: the same id sent twice is applied once, so every caller
 * derives it from what identifies its request (an Idempotency-Key, a Slack interaction, an alert
 * group's transition), never from the moment it was sent.
 */
public record CommandId(String value) {

  public CommandId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a command id must not be blank");
    }
  }

  /** For a REST request: {@code operation} keeps one key on two endpoints two commands. */
  public static CommandId fromIdempotencyKey(String operation, String key) {
    return key == null ? fresh(operation) : new CommandId("api-" + operation + "-" + key);
  }

  /** A request with no key: a fresh id, so a retry is a new command. */
  public static CommandId fresh(String operation) {
    return new CommandId("api-" + operation + "-" + UUID.randomUUID());
  }

  /** An id a channel made itself (the Slack interaction, the alert group's transition). */
  public static CommandId of(String value) {
    return new CommandId(value);
  }
}
