package dev.firebreak.workflows.notify;

import dev.firebreak.workflows.notify.messages.ContactType;
import java.time.Duration;
import java.util.Optional;

/**
 * How many sends a contact method takes in a window: SMS 5 and calls 3 per 15 minutes, so that a
 * storm does not bury a phone. Pages over the limit are bundled into the next send, never
 * dropped. Other channels are not limited.
 */
public record RateLimit(int max, Duration window) {

  public static final Duration WINDOW = Duration.ofMinutes(15);

  public static Optional<RateLimit> of(ContactType type) {
    return switch (type) {
      case SMS -> Optional.of(new RateLimit(5, WINDOW));
      case VOICE -> Optional.of(new RateLimit(3, WINDOW));
      default -> Optional.empty();
    };
  }
}
