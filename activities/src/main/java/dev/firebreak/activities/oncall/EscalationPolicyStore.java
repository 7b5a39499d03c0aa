package dev.firebreak.activities.oncall;

import dev.firebreak.workflows.escalation.EscalationPolicy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** Escalation policies (steps as JSON). */
@Repository
public class EscalationPolicyStore {

  private static final TypeReference<List<EscalationPolicy.Step>> STEPS = new TypeReference<>() {};

  private final JdbcClient jdbc;

  public EscalationPolicyStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Fails with {@code DuplicateKeyException} when the name is taken. */
  public EscalationPolicy create(EscalationPolicy policy) {
    long id = jdbc.sql("INSERT INTO escalation_policy (name, repeat, steps)"
            + " VALUES (:name, :repeat, CAST(:steps AS JSONB)) RETURNING id")
        .param("name", policy.name()).param("repeat", policy.repeat())
        .param("steps", ScheduleStore.JSON.writeValueAsString(policy.steps()))
        .query(Long.class).single();
    return new EscalationPolicy(id, policy.name(), policy.repeat(), policy.steps());
  }

  public boolean update(EscalationPolicy policy) {
    return jdbc.sql("UPDATE escalation_policy SET name = :name, repeat = :repeat,"
            + " steps = CAST(:steps AS JSONB) WHERE id = :id")
        .param("id", policy.id()).param("name", policy.name()).param("repeat", policy.repeat())
        .param("steps", ScheduleStore.JSON.writeValueAsString(policy.steps()))
        .update() == 1;
  }

  public boolean delete(long id) {
    return jdbc.sql("DELETE FROM escalation_policy WHERE id = :id").param("id", id).update() == 1;
  }

  public Optional<EscalationPolicy> find(long id) {
    return jdbc.sql("SELECT id, name, repeat, steps FROM escalation_policy WHERE id = :id")
        .param("id", id).query(EscalationPolicyStore::policy).optional();
  }

  public List<EscalationPolicy> list() {
    return jdbc.sql("SELECT id, name, repeat, steps FROM escalation_policy ORDER BY id")
        .query(EscalationPolicyStore::policy).list();
  }

  private static EscalationPolicy policy(ResultSet rs, int n) throws SQLException {
    return new EscalationPolicy(rs.getLong("id"), rs.getString("name"), rs.getInt("repeat"),
        ScheduleStore.JSON.readValue(rs.getString("steps"), STEPS));
  }
}
