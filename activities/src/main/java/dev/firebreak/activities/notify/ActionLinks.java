package dev.firebreak.activities.notify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signed, expiring links that act on one incident: {@code <incident>.<action>.<user>.<expiry>.
 * <HMAC-SHA256>}. The key is FIREBREAK_LINK_SECRET, else one made once and kept in PostgreSQL so
 * that links outlive a restart. A link opens a confirmation page; only its POST acts, so that a
 * mail scanner prefetching it acts on nothing.
 */
@Component
public class ActionLinks {

  /** What a link may do. */
  public enum Action { ACKNOWLEDGE, RESOLVE }

  /** A verified link. */
  public record Link(long incidentId, Action action, long userId, Instant expires) {}

  static final Duration VALID_FOR = Duration.ofHours(24);

  private final JdbcClient jdbc;
  private final String configured;
  private final Clock clock;
  private volatile byte[] key;

  @Autowired
  public ActionLinks(JdbcClient jdbc, @Value("${firebreak.notify.link-secret:}") String secret) {
    this(jdbc, secret, Clock.systemUTC());
  }

  ActionLinks(JdbcClient jdbc, String secret, Clock clock) {
    this.jdbc = jdbc;
    this.configured = secret;
    this.clock = clock;
  }

  public String token(long incidentId, Action action, long userId) {
    long expires = clock.instant().plus(VALID_FOR).getEpochSecond();
    String payload = incidentId + "." + action.name().toLowerCase() + "." + userId + "."
        + expires;
    return payload + "." + sign(payload);
  }

  /** The link a token stands for, when its signature is right and it has not expired. */
  public Optional<Link> verify(String token) {
    if (token == null) {
      return Optional.empty();
    }
    String[] parts = token.split("\\.");
    if (parts.length != 5) {
      return Optional.empty();
    }
    String payload = String.join(".", parts[0], parts[1], parts[2], parts[3]);
    if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
        parts[4].getBytes(StandardCharsets.US_ASCII))) {
      return Optional.empty();
    }
    try {
      Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[3]));
      if (clock.instant().isAfter(expires)) {
        return Optional.empty();
      }
      return Optional.of(new Link(Long.parseLong(parts[0]),
          Action.valueOf(parts[1].toUpperCase()), Long.parseLong(parts[2]), expires));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private String sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] key() {
    if (key == null) {
      String secret = configured;
      if (secret == null || secret.isBlank()) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        jdbc.sql("INSERT INTO notify_secret (name, secret) VALUES ('links', :s)"
                + " ON CONFLICT (name) DO NOTHING")
            .param("s", HexFormat.of().formatHex(fresh)).update();
        secret = jdbc.sql("SELECT secret FROM notify_secret WHERE name = 'links'")
            .query(String.class).single();
      }
      key = secret.getBytes(StandardCharsets.UTF_8);
    }
    return key;
  }
}
