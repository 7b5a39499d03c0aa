package dev.firebreak.activities.idempotency;

/** The first request with this key is still running. The API answers 409; retry later. */
public class IdempotencyKeyInFlight extends RuntimeException {

  public IdempotencyKeyInFlight(String key) {
    super("a request with Idempotency-Key '" + key + "' is still being processed; retry later");
  }
}
