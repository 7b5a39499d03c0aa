package dev.firebreak.activities.channel;

import dev.firebreak.activities.directory.ServiceStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Receive channels: a key to post to, a type, a service, and for {@code generic} a mapping. */
@Repository
public class ReceiveChannelStore {

  private static final String COLUMNS = "id, name, type, service_id, key, mapping";

  private final JdbcClient jdbc;

  public ReceiveChannelStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public ReceiveChannel create(String name, String type, long serviceId, String mapping) {
    long id = jdbc.sql("INSERT INTO receive_channel (name, type, service_id, key, mapping)"
            + " VALUES (:name, :type, :service, :key, :mapping) RETURNING id")
        .param("name", name).param("type", type).param("service", serviceId)
        .param("key", ServiceStore.newIntegrationKey()).param("mapping", mapping)
        .query(Long.class).single();
    return find(id).orElseThrow();
  }

  public Optional<ReceiveChannel> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM receive_channel WHERE id = :id").param("id", id)
        .query(ReceiveChannelStore::channel).optional();
  }

  public Optional<ReceiveChannel> findByKey(String key) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM receive_channel WHERE key = :key")
        .param("key", key).query(ReceiveChannelStore::channel).optional();
  }

  public List<ReceiveChannel> list() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM receive_channel ORDER BY id")
        .query(ReceiveChannelStore::channel).list();
  }

  public boolean delete(long id) {
    return jdbc.sql("DELETE FROM receive_channel WHERE id = :id").param("id", id).update() == 1;
  }

  private static ReceiveChannel channel(ResultSet rs, int n) throws SQLException {
    return new ReceiveChannel(rs.getLong("id"), rs.getString("name"), rs.getString("type"),
        rs.getLong("service_id"), rs.getString("key"), rs.getString("mapping"));
  }
}
