package dev.firebreak.activities.oncall;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The turn counters of round-robin escalation steps. A turn is taken once per incident: asking
 * again for the same incident (an activity retried, a later round) returns the same turn.
 */
@Repository
public class RoundRobinStore {

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  public RoundRobinStore(JdbcClient jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  /** The incident's turn at the step, taking the step's next one the first time. */
  public long take(long policyId, int step, long incidentId) {
    return tx.execute(status -> {
      Optional<Long> taken = taken(policyId, step, incidentId);
      if (taken.isPresent()) {
        return taken.get();
      }
      long turn = jdbc.sql("INSERT INTO escalation_round_robin (policy_id, step_index, next_turn)"
              + " VALUES (:policy, :step, 1) ON CONFLICT (policy_id, step_index)"
              + " DO UPDATE SET next_turn = escalation_round_robin.next_turn + 1"
              + " RETURNING next_turn - 1")
          .param("policy", policyId).param("step", step).query(Long.class).single();
      jdbc.sql("INSERT INTO escalation_round_robin_turn (policy_id, step_index, incident_id, turn)"
              + " VALUES (:policy, :step, :incident, :turn) ON CONFLICT DO NOTHING")
          .param("policy", policyId).param("step", step).param("incident", incidentId)
          .param("turn", turn).update();
      // a concurrent first call may have won: its turn is the incident's
      return taken(policyId, step, incidentId).orElse(turn);
    });
  }

  /** The turn the next incident would take, without taking it (for the simulator). */
  public long next(long policyId, int step) {
    return jdbc.sql("SELECT next_turn FROM escalation_round_robin"
            + " WHERE policy_id = :policy AND step_index = :step")
        .param("policy", policyId).param("step", step).query(Long.class).optional().orElse(0L);
  }

  private Optional<Long> taken(long policyId, int step, long incidentId) {
    return jdbc.sql("SELECT turn FROM escalation_round_robin_turn"
            + " WHERE policy_id = :policy AND step_index = :step AND incident_id = :incident")
        .param("policy", policyId).param("step", step).param("incident", incidentId)
        .query(Long.class).optional();
  }
}
