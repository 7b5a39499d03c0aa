package dev.firebreak.activities.calendar;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The secret token of each calendar feed, issued on first use and deleted on revocation. */
@Repository
public class CalendarFeedStore {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;

  public CalendarFeedStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The feed's token, issuing one when it has none; concurrent first calls agree on one. */
  public String tokenFor(FeedKind kind, long ownerId) {
    byte[] secret = new byte[24];
    RANDOM.nextBytes(secret);
    jdbc.sql("INSERT INTO calendar_feed (kind, owner_id, token) VALUES (:kind, :owner, :token)"
            + " ON CONFLICT (kind, owner_id) DO NOTHING")
        .param("kind", kind.column()).param("owner", ownerId)
        .param("token", Base64.getUrlEncoder().withoutPadding().encodeToString(secret))
        .update();
    return token(kind, ownerId).orElseThrow();
  }

  public Optional<String> token(FeedKind kind, long ownerId) {
    return jdbc.sql("SELECT token FROM calendar_feed WHERE kind = :kind AND owner_id = :owner")
        .param("kind", kind.column()).param("owner", ownerId).query(String.class).optional();
  }

  /** Whether a token existed: the feed's URL no longer works. */
  public boolean revoke(FeedKind kind, long ownerId) {
    return jdbc.sql("DELETE FROM calendar_feed WHERE kind = :kind AND owner_id = :owner")
        .param("kind", kind.column()).param("owner", ownerId).update() == 1;
  }
}
