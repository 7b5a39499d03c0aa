package dev.firebreak.workflows.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.workflows.escalation.EscalationPolicy.Target;
import dev.firebreak.workflows.escalation.EscalationPolicy.TargetType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The current details of an escalation: the next page, the start over, the end. */
class EscalationDetailsTest {

  static final Instant AT = Instant.parse("2026-11-29T09:35:00Z");
  static final EscalationPolicy POLICY = new EscalationPolicy(1, "Checkout", 1, List.of(
      new EscalationPolicy.Step(5, List.of(new Target(TargetType.USER, 7))),
      new EscalationPolicy.Step(10, List.of(new Target(TargetType.SCHEDULE, 3),
          new Target(TargetType.PAGERDUTY, 0, "PSVC1")))));

  @Test
  void aStepNamesWhoWasPagedAndTheNextStepWithItsTime() {
    assertThat(EscalationDetails.escalationPaging(42, POLICY, 0, 0, List.of("Alice via slack"), AT))
        .isEqualTo("**Paging** incident #42 with \"Checkout\": step 1 of 2, round 1 of 2\n\n"
            + "- paged: Alice via slack\n"
            + "- next: step 2, round 1 at 2026-11-29 09:35:00 UTC, to schedule 3,"
            + " PagerDuty service PSVC1");
  }

  @Test
  void theLastStepStartsOverThenEnds() {
    assertThat(EscalationDetails.escalationPaging(42, POLICY, 0, 1, List.of(), AT))
        .contains("- paged: nobody", "- next: step 1, round 2 at 2026-11-29 09:35:00 UTC, to user 7");
    assertThat(EscalationDetails.escalationPaging(42, POLICY, 1, 1, List.of(), AT))
        .contains("- next: nothing; the policy is exhausted at 2026-11-29 09:35:00 UTC");
  }
}
