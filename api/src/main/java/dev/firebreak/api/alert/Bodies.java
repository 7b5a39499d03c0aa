package dev.firebreak.api.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebreak.api.edge.BodyLimit;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Reading event bodies with a size cap, and waiting until events are durable. */
public final class Bodies {

  /** PagerDuty's limit on an event body. */
  public static final int MAX_BYTES = 512 * 1024;

  /**
   * How long a sender waits for its event to be accepted before it is told to retry. An outage
   * answers sooner (the Temporal client gives up after 1 s, the connection pool after 1 s); this
   * bounds a live but overloaded Temporal, well below the 10 s after which senders give up.
   */
  static final long ACCEPT_TIMEOUT_SECONDS = 5;

  /** Refuses a body with anything after its JSON value ({@code {...}garbage} is not JSON). */
  public static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final SecureRandom RANDOM = new SecureRandom();

  private Bodies() {}

  /** Thrown when the body is over {@link #MAX_BYTES}. */
  public static final class TooLarge extends Exception {
    TooLarge() {
      super("the body is larger than " + MAX_BYTES + " bytes", null, false, false);
    }
  }

  /** Thrown when events could not be made durable in time: answer 503. */
  public static final class NotAccepted extends Exception {
    NotAccepted(Throwable cause) {
      super("events could not be accepted: " + cause, cause);
    }
  }

  public static byte[] read(HttpServletRequest request) throws IOException, TooLarge {
    if (request.getContentLengthLong() > MAX_BYTES) {
      throw new TooLarge();
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body;
      try {
        body = in.readNBytes(MAX_BYTES + 1);
      } catch (BodyLimit.TooLarge e) {
        throw new TooLarge();
      }
      if (body.length > MAX_BYTES) {
        throw new TooLarge();
      }
      return body;
    }
  }

  /** The JSON of {@code body}, or null when it is not JSON. */
  public static JsonNode parse(byte[] body) {
    try {
      JsonNode node = JSON.readTree(body);
      return node == null || node.isMissingNode() ? null : node;
    } catch (IOException e) {
      return null;
    }
  }

  /** A fresh dedup key for a trigger that came without one. */
  public static String newDedupKey() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Waits until every event is durable. */
  public static void await(List<CompletableFuture<Boolean>> futures) throws NotAccepted {
    try {
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
          .get(ACCEPT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new NotAccepted(e.getCause());
    } catch (TimeoutException e) {
      // events not yet sent are withdrawn, so that the 503 is true; one already in flight may land
      futures.forEach(f -> f.cancel(false));
      throw new NotAccepted(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotAccepted(e);
    }
  }
}
