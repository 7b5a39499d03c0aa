package dev.firebreak.activities.security;

import dev.firebreak.activities.directory.ServiceStore;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Replaces a leaked key with a fresh one (128 random bits): a service's integration key or a
 * receive channel's key. The old key stops working at once.
 */
@Repository
public class KeyRotation {

  private final JdbcClient jdbc;

  public KeyRotation(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The new key, or empty when there is no such service. */
  public Optional<String> rotateServiceKey(long serviceId) {
    return rotate("service", "integration_key", serviceId);
  }

  public Optional<String> rotateChannelKey(long channelId) {
    return rotate("receive_channel", "key", channelId);
  }

  private Optional<String> rotate(String table, String column, long id) {
    String key = ServiceStore.newIntegrationKey();
    int updated = jdbc.sql("UPDATE " + table + " SET " + column + " = :key WHERE id = :id")
        .param("key", key).param("id", id).update();
    return updated == 1 ? Optional.of(key) : Optional.empty();
  }
}
