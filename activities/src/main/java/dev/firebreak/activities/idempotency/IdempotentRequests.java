package dev.firebreak.activities.idempotency;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Idempotency-Key (IETF httpapi draft) for requests that open or change incidents. The first
 * request with a key runs and its answer is kept; the same request again is answered the same
 * without running; another request with that key is refused. A request that fails gives its key
 * up, so that the client's retry runs again: what the failed attempt may have done in Temporal is
 * deduplicated there, by the update id derived from the same key.
 *
 * <p>{@code scope} separates keys by endpoint (method and path); {@code requestHash} identifies
 * the body.
 */
@Service
public class IdempotentRequests {

  /** An answer, and whether it is a stored one given again. */
  public record Answer(StoredResponse response, boolean replayed) {}

  private static final int EXPIRE_EVERY_RUNS = 500;

  private final IdempotencyStore store;
  private final AtomicLong runs = new AtomicLong();
  private final Duration abandonAfter;
  private final Duration keep;

  public IdempotentRequests(IdempotencyStore store,
      @Value("${firebreak.idempotency.abandon-after:2m}") Duration abandonAfter,
      @Value("${firebreak.idempotency.keep:24h}") Duration keep) {
    this.store = store;
    this.abandonAfter = abandonAfter;
    this.keep = keep;
  }

  /**
   * Runs {@code request} once per (scope, key): the stored answer when it ran before with the
   * same hash; {@link IdempotencyKeyReused} when with another; {@link IdempotencyKeyInFlight}
   * while it still runs.
   */
  public Answer run(String scope, String key, String requestHash,
      Supplier<StoredResponse> request) {
    expireNowAndThen();
    if (!store.claim(scope, key, requestHash)) {
      IdempotencyStore.Row row = store.find(scope, key, abandonAfter)
          .orElseThrow(() -> new IdempotencyKeyInFlight(key)); // released meanwhile: retry
      if (!row.requestHash().equals(requestHash)) {
        throw new IdempotencyKeyReused(key);
      }
      if (row.response() != null) {
        return new Answer(row.response(), true);
      }
      if (!row.abandoned() || !store.reclaim(scope, key, abandonAfter)) {
        throw new IdempotencyKeyInFlight(key);
      }
    }
    StoredResponse response;
    try {
      response = request.get();
    } catch (RuntimeException | Error e) {
      store.release(scope, key);
      throw e;
    }
    store.complete(scope, key, response);
    return new Answer(response, false);
  }

  /** Keys are kept a day (a setting), long enough for any client's retries. */
  private void expireNowAndThen() {
    if (runs.incrementAndGet() % EXPIRE_EVERY_RUNS == 1) {
      store.expire(keep);
    }
  }
}
