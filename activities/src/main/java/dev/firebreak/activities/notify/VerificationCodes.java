package dev.firebreak.activities.notify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Proves that a contact method reaches its owner: a 6-digit code sent over it, valid 10 minutes
 * and for 5 tries, kept only as a hash. A new code replaces the last.
 */
@Service
public class VerificationCodes {

  static final Duration VALID_FOR = Duration.ofMinutes(10);
  static final int MAX_TRIES = 5;

  /** What became of a code given back. */
  public enum Result { VERIFIED, WRONG, EXPIRED, NONE }

  private final JdbcClient jdbc;
  private final ContactMethodStore contacts;
  private final List<NotificationChannel> channels;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  @Autowired
  public VerificationCodes(JdbcClient jdbc, ContactMethodStore contacts,
      List<NotificationChannel> channels) {
    this(jdbc, contacts, channels, Clock.systemUTC());
  }

  VerificationCodes(JdbcClient jdbc, ContactMethodStore contacts,
      List<NotificationChannel> channels, Clock clock) {
    this.jdbc = jdbc;
    this.contacts = contacts;
    this.channels = channels;
    this.clock = clock;
  }

  /**
   * Sends a new code over the method; the channel's refusal or outage is thrown as {@link
   * CodeNotSent}, and then no code is kept.
   */
  public void send(ContactMethod method) {
    NotificationChannel channel = channels.stream().filter(c -> c.type() == method.type())
        .findFirst().filter(NotificationChannel::configured)
        .orElseThrow(() -> new CodeNotSent(method.type().word() + " is not configured"));
    String code = String.format("%06d", random.nextInt(1_000_000));
    NotificationChannel.Delivery delivery;
    try {
      delivery = channel.send(Message.code(method, code));
    } catch (RuntimeException e) {
      throw new CodeNotSent(method.type().word() + " is unavailable: " + e.getMessage());
    }
    if (!delivery.ok()) {
      throw new CodeNotSent(delivery.detail());
    }
    jdbc.sql("INSERT INTO contact_verification (contact_method_id, code_hash, expires_at)"
            + " VALUES (:c, :h, :e) ON CONFLICT (contact_method_id) DO UPDATE SET"
            + " code_hash = EXCLUDED.code_hash, expires_at = EXCLUDED.expires_at, attempts = 0")
        .param("c", method.id()).param("h", hash(method.id(), code))
        .param("e", Timestamp.from(clock.instant().plus(VALID_FOR))).update();
  }

  /** Checks a code; a right one marks the method verified and is used up. */
  public Result verify(ContactMethod method, String code) {
    record Pending(String hash, Timestamp expires, int attempts) {}
    var pending = jdbc.sql("UPDATE contact_verification SET attempts = attempts + 1"
            + " WHERE contact_method_id = :c RETURNING code_hash, expires_at, attempts")
        .param("c", method.id())
        .query((rs, n) -> new Pending(rs.getString(1), rs.getTimestamp(2), rs.getInt(3)))
        .optional();
    if (pending.isEmpty()) {
      return Result.NONE;
    }
    if (pending.get().expires().toInstant().isBefore(clock.instant())
        || pending.get().attempts() > MAX_TRIES) {
      return Result.EXPIRED;
    }
    if (code == null || !MessageDigest.isEqual(
        pending.get().hash().getBytes(StandardCharsets.US_ASCII),
        hash(method.id(), code.trim()).getBytes(StandardCharsets.US_ASCII))) {
      return Result.WRONG;
    }
    jdbc.sql("DELETE FROM contact_verification WHERE contact_method_id = :c")
        .param("c", method.id()).update();
    contacts.markVerified(method.id());
    return Result.VERIFIED;
  }

  private static String hash(long methodId, String code) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest((methodId + ":" + code).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The code could not be sent; nothing was kept. */
  public static class CodeNotSent extends RuntimeException {
    public CodeNotSent(String message) {
      super(message);
    }
  }
}
