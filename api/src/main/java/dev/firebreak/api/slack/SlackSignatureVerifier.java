package dev.firebreak.api.slack;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signature: {@code v0=} and the hex HMAC-SHA256, keyed by the signing secret, of
 * {@code v0:{X-Slack-Request-Timestamp}:{the raw body bytes}}. A request is accepted only with
 * both headers, a timestamp within five minutes of now in either direction, and a signature equal
 * to ours, compared in constant time.
 */
public final class SlackSignatureVerifier {

  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  /** Why a request was refused, or {@link #VALID}. */
  public enum Outcome {
    VALID,
    MISSING_HEADERS,
    BAD_TIMESTAMP,
    STALE_OR_FUTURE,
    BAD_SIGNATURE
  }

  private final byte[] secret;
  private final Clock clock;

  public SlackSignatureVerifier(String signingSecret, Clock clock) {
    if (signingSecret == null || signingSecret.isEmpty()) {
      throw new IllegalArgumentException("a signing secret is required");
    }
    this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
  }

  public Outcome verify(String timestamp, String signature, byte[] body) {
    if (timestamp == null || timestamp.isBlank() || signature == null || signature.isBlank()
        || body == null) {
      return Outcome.MISSING_HEADERS;
    }
    Outcome headers = checkHeaders(timestamp, signature, clock);
    if (headers != Outcome.VALID) {
      return headers;
    }
    byte[] expected = sign(timestamp.trim(), body).getBytes(StandardCharsets.US_ASCII);
    byte[] given = signature.trim().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, given) ? Outcome.VALID : Outcome.BAD_SIGNATURE;
  }

  /**
   * What the headers alone tell: both present and the timestamp fresh. Checked before the body is
   * read, so that a stale or unsigned request costs nothing.
   */
  public static Outcome checkHeaders(String timestamp, String signature, Clock clock) {
    if (timestamp == null || timestamp.isBlank() || signature == null || signature.isBlank()) {
      return Outcome.MISSING_HEADERS;
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      return Outcome.BAD_TIMESTAMP;
    }
    long now = clock.millis() / 1000;
    if (Math.abs(now - seconds) > TOLERANCE.toSeconds()) {
      return Outcome.STALE_OR_FUTURE;
    }
    return Outcome.VALID;
  }

  /** {@code v0=<hex>} for this timestamp and body. */
  public String sign(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      mac.update(body);
      return "v0=" + HexFormat.of().formatHex(mac.doFinal());
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
