package dev.firebreak.activities.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.activities.TestDatabase;
import dev.firebreak.workflows.escalation.EscalationPolicy;
import dev.firebreak.workflows.escalation.EscalationPolicy.Step;
import dev.firebreak.workflows.escalation.EscalationPolicy.Target;
import dev.firebreak.workflows.escalation.EscalationPolicy.TargetType;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Round-robin turns against a real PostgreSQL migrated by the real Flyway scripts. */
class RoundRobinStoreTest {

  static DataSource dataSource;
  JdbcClient jdbc;
  RoundRobinStore turns;
  long policy;

  @BeforeAll
  static void database() {
    dataSource = TestDatabase.migrated();
  }

  @BeforeEach
  void empty() {
    jdbc = JdbcClient.create(dataSource);
    jdbc.sql("TRUNCATE escalation_policy CASCADE").update();
    turns = new RoundRobinStore(jdbc,
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    policy = new EscalationPolicyStore(jdbc).create(new EscalationPolicy(0, "P", 0,
        List.of(new Step(5, List.of(new Target(TargetType.USER, 1)))))).id();
  }

  @Test
  void eachIncidentTakesTheNextTurnOnceAndKeepsIt() {
    assertThat(turns.next(policy, 0)).isZero();
    assertThat(turns.take(policy, 0, 11)).isZero();
    assertThat(turns.take(policy, 0, 12)).isEqualTo(1);
    assertThat(turns.take(policy, 0, 11)).isZero();
    assertThat(turns.take(policy, 0, 13)).isEqualTo(2);
    assertThat(turns.next(policy, 0)).isEqualTo(3);
    // another step counts apart
    assertThat(turns.take(policy, 1, 11)).isZero();
  }

  @Test
  void deletingThePolicyDropsItsCounters() {
    turns.take(policy, 0, 11);
    new EscalationPolicyStore(jdbc).delete(policy);
    assertThat(jdbc.sql("SELECT count(*) FROM escalation_round_robin_turn").query(Long.class)
        .single()).isZero();
  }
}
