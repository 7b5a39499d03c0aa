package dev.firebreak.activities.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.workflows.escalation.EscalationActivities;
import dev.firebreak.workflows.escalation.EscalationPolicy;
import dev.firebreak.workflows.escalation.EscalationPolicy.Step;
import dev.firebreak.workflows.escalation.EscalationPolicy.Target;
import dev.firebreak.workflows.escalation.EscalationPolicy.TargetType;
import dev.firebreak.workflows.escalation.EscalationTrigger;
import dev.firebreak.workflows.escalation.Recipient;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The simulator runs the real escalation workflow on the time-skipping test server; each page,
 * PagerDuty's included, carries its step and round as data.
 */
class EscalationSimulatorTest {

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
      return targets.stream().map(t -> new Recipient(t.id(), "user " + t.id(), "U" + t.id()))
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
        new EscalationSimulator(new Lookups(policy)).simulate(policy, at, null);

    assertThat(simulation.notifications()).extracting(n -> n.atMinute() + " " + n.loop() + "/"
            + n.step() + " " + n.userName() + " " + n.via())
        .containsExactly(
            "0 0/0 user 1 slack",
            "5 0/1 PagerDuty service PSVC pagerduty",
            "5 0/1 user 2 slack",
            "15 1/0 user 1 slack",
            "20 1/1 user 2 slack");
  }
}
