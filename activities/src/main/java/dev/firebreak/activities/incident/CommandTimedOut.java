package dev.firebreak.activities.incident;

import java.time.Duration;

/**
 * Temporal did not answer a command within its deadline (slow, unreachable, or no worker). The
 * command may still be applied later; sent again with the same id it is applied once. The API
 * answers 503 with {@code Retry-After}.
 */
public class CommandTimedOut extends RuntimeException {

  public CommandTimedOut(String what, Duration deadline) {
    super(what + " got no answer from Temporal within " + (deadline.toMillis() % 1000 == 0
        ? deadline.toSeconds() + " s" : deadline.toMillis() + " ms")
        + "; retry later, with the same Idempotency-Key");
  }

  public CommandTimedOut(String message) {
    super(message);
  }
}
