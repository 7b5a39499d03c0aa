package dev.firebreak.activities.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.workflows.escalation.EscalationActivities;
import dev.firebreak.workflows.escalation.EscalationPolicy;
import dev.firebreak.workflows.escalation.EscalationPolicy.Step;
import dev.firebreak.workflows.escalation.EscalationPolicy.Target;
import dev.firebreak.workflows.escalation.EscalationPolicy.TargetType;
import dev.firebreak.workflows.escalation.EscalationTrigger;
import dev.firebreak.workflows.escalation.Recipient;
import dev.firebreak.activities.TestDatabase;
import dev.firebreak.workflows.escalation.StepMode;
import dev.firebreak.workflows.escalation.StepWindow;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The simulator runs the real escalation workflow on the time-skipping test server; each page,
 * PagerDuty's included, carries its step and round as data.
 */
class EscalationSimulatorTest {

  static DataSource dataSource;
  JdbcClient jdbc;
  RoundRobinStore turns;

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
  }

  /** One policy; every user target is a reachable person of the same id. */
  record Lookups(EscalationPolicy policy) implements EscalationActivities {
    @Override
    public EscalationTrigger escalationFor(long serviceId) {
      return null;
    }

    @Override
    public EscalationPolicy policy(long policyId) {
      return policy;
    }

    @Override
    public List<Recipient> resolve(List<Target> targets, Instant at) {
      // a team stands for nobody here: the empty step of the scenarios
      return targets.stream().filter(t -> t.type() != TargetType.TEAM)
          .map(t -> new Recipient(t.id(), "user " + t.id(), "U" + t.id()))
          .toList();
    }
  }

  @Test
  void pagesCarryTheirStepAndRoundAndPagerDutyIsPagedOnce() {
    EscalationPolicy policy = new EscalationPolicy(7, "Checkout", 1, List.of(
        new Step(5, List.of(new Target(TargetType.USER, 1))),
        new Step(10, List.of(new Target(TargetType.PAGERDUTY, 0, "PSVC"),
            new Target(TargetType.USER, 2)))));
    Instant at = Instant.parse("2026-11-22T10:00:00Z");

    EscalationSimulator.Simulation simulation =
        new EscalationSimulator(new Lookups(policy), turns).simulate(policy, at, null);

    assertThat(simulation.notifications()).extracting(n -> n.atMinute() + " " + n.loop() + "/"
            + n.step() + " " + n.userName() + " " + n.via())
        .containsExactly(
            "0 0/0 user 1 slack",
            "5 0/1 PagerDuty service PSVC pagerduty",
            "5 0/1 user 2 slack",
            "15 1/0 user 1 slack",
            "20 1/1 user 2 slack");
  }

  /**
   * On a Sunday: the business-hours step is skipped, the empty step is skipped without its wait,
   * and the round-robin step shows whom the next real incident pages (the third person, two
   * incidents having taken turns), without taking that turn.
   */
  @Test
  void theSimulatorShowsSkippedStepsAndTheNextRoundRobinTurn() {
    EscalationPolicy stored = new EscalationPolicyStore(jdbc).create(
        new EscalationPolicy(0, "Checkout", 0, List.of(new Step(5, List.of(
            new Target(TargetType.USER, 9))))));
    EscalationPolicy policy = new EscalationPolicy(stored.id(), "Checkout", 0, List.of(
        new Step(10, List.of(new Target(TargetType.USER, 9)), null, new StepWindow(
            List.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "09:00", "18:00", "Europe/Paris")),
        new Step(30, List.of(new Target(TargetType.TEAM, 5))),
        new Step(5, List.of(new Target(TargetType.USER, 1), new Target(TargetType.USER, 2),
            new Target(TargetType.USER, 3)), StepMode.ROUND_ROBIN, null)));
    turns.take(stored.id(), 2, 501);
    turns.take(stored.id(), 2, 502);
    Instant sunday = Instant.parse("2026-11-22T10:00:00Z");

    EscalationSimulator.Simulation simulation =
        new EscalationSimulator(new Lookups(policy), turns).simulate(policy, sunday, null);

    assertThat(simulation.notifications()).extracting(n -> n.atMinute() + " " + n.loop() + "/"
            + n.step() + " " + n.userName())
        .containsExactly("0 0/2 user 3");
    assertThat(simulation.timeline()).contains(
        "Skipped step 1, round 1: outside its time window ([MONDAY, FRIDAY] 09:00-18:00"
            + " Europe/Paris)",
        "Skipped step 2, round 1 at once: its targets resolve to nobody now",
        "Round robin at step 3, round 1: turn 3 goes to user 3 (of 3)");
    assertThat(turns.next(stored.id(), 2)).isEqualTo(2);
  }
}
