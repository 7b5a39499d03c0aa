package dev.firebreak.activities.directory;

import dev.firebreak.workflows.alert.Severity;
import dev.firebreak.workflows.incident.messages.Priority;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ServiceStore {

  private static final String COLUMNS = "id, name, description, integration_key, team_id,"
      + " escalation_policy_id, opens_incidents, critical_priority, error_priority,"
      + " warning_priority, info_priority, ack_timeout_minutes";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;

  public ServiceStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** 32 lowercase hex characters: 128 random bits. */
  public static String newIntegrationKey() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /**
   * Stores a new service under a fresh integration key; {@code service.id()} and {@code
   * service.integrationKey()} are ignored. Fails with {@code DuplicateKeyException} when the name is
   * taken.
   */
  public Service create(Service service) {
    String key = newIntegrationKey();
    long id = bind(jdbc.sql("INSERT INTO service (name, description, integration_key, team_id,"
                + " escalation_policy_id, opens_incidents, critical_priority, error_priority,"
                + " warning_priority, info_priority, ack_timeout_minutes) VALUES (:name, :d, :key,"
                + " :team, :policy, :opens, :critical, :error, :warning, :info, :ackTimeout)"
                + " RETURNING id"), service)
        .param("key", key)
        .query(Long.class).single();
    return find(id).orElseThrow();
  }

  /** Replaces everything but the id and the integration key. */
  public boolean update(Service service) {
    return bind(jdbc.sql("UPDATE service SET name = :name, description = :d, team_id = :team,"
            + " escalation_policy_id = :policy, opens_incidents = :opens,"
            + " critical_priority = :critical, error_priority = :error,"
            + " warning_priority = :warning, info_priority = :info,"
            + " ack_timeout_minutes = :ackTimeout WHERE id = :id"), service)
        .param("id", service.id())
        .update() == 1;
  }

  public boolean delete(long id) {
    return jdbc.sql("DELETE FROM service WHERE id = :id").param("id", id).update() == 1;
  }

  public Optional<Service> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM service WHERE id = :id").param("id", id)
        .query(ServiceStore::service).optional();
  }

  public Optional<Service> findByIntegrationKey(String key) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM service WHERE integration_key = :key")
        .param("key", key).query(ServiceStore::service).optional();
  }

  public List<Service> list() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM service ORDER BY id")
        .query(ServiceStore::service).list();
  }

  private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Service s) {
    Map<Severity, Priority> p = s.severityPriorities();
    return spec.param("name", s.name())
        .param("d", s.description())
        .param("team", s.teamId())
        .param("policy", s.escalationPolicyId())
        .param("opens", s.opensIncidents())
        .param("critical", name(p.get(Severity.CRITICAL)))
        .param("error", name(p.get(Severity.ERROR)))
        .param("warning", name(p.get(Severity.WARNING)))
        .param("info", name(p.get(Severity.INFO)))
        .param("ackTimeout", s.ackTimeoutMinutes());
  }

  private static String name(Priority priority) {
    return priority == null ? null : priority.name();
  }

  private static Service service(ResultSet rs, int n) throws SQLException {
    Map<Severity, Priority> priorities = new EnumMap<>(Severity.class);
    for (Severity severity : Severity.values()) {
      String value = rs.getString(severity.wire() + "_priority");
      priorities.put(severity, value == null ? null : Priority.valueOf(value));
    }
    return new Service(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
        rs.getString("integration_key"), rs.getObject("team_id", Long.class),
        rs.getObject("escalation_policy_id", Long.class), rs.getBoolean("opens_incidents"),
        priorities, rs.getObject("ack_timeout_minutes", Integer.class));
  }
}
