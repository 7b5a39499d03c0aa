package dev.firebreak.workflows.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.workflows.escalation.EscalationPolicy.Target;
import dev.firebreak.workflows.escalation.EscalationPolicy.TargetType;
import dev.firebreak.workflows.escalation.EscalationPolicyDraft.StepDraft;
import dev.firebreak.workflows.escalation.EscalationPolicyDraft.TargetDraft;
import dev.firebreak.workflows.validation.FieldError;
import dev.firebreak.workflows.validation.InvalidInput;
import java.util.Collections;
import java.util.List;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

/** The rules of an escalation policy, without a database or HTTP. */
class EscalationPolicyValidationTest {

  static final BiPredicate<TargetType, Long> ALL_EXIST = (type, id) -> true;

  static List<FieldError> errors(EscalationPolicyDraft draft, BiPredicate<TargetType, Long> e) {
    try {
      EscalationPolicyValidation.normalize(0, draft, e);
    } catch (InvalidInput refused) {
      return refused.errors();
    }
    throw new AssertionError("accepted: " + draft);
  }

  @Test
  void aValidDraftBecomesAPolicy() {
    EscalationPolicyDraft draft = new EscalationPolicyDraft(" Checkout ", null, List.of(
        new StepDraft(5, List.of(new TargetDraft("schedule", 3L, null),
            new TargetDraft("USER", 1L, null))),
        new StepDraft(10, List.of(new TargetDraft("pagerduty", null, " PABC123 ")))));

    EscalationPolicy policy = EscalationPolicyValidation.normalize(4, draft, ALL_EXIST);

    assertThat(policy).isEqualTo(new EscalationPolicy(4, "Checkout", 0, List.of(
        new EscalationPolicy.Step(5, List.of(new Target(TargetType.SCHEDULE, 3),
            new Target(TargetType.USER, 1))),
        new EscalationPolicy.Step(10, List.of(
            new Target(TargetType.PAGERDUTY, 0, "PABC123"))))));
  }

  @Test
  void everyWrongFieldIsNamedAtOnce() {
    EscalationPolicyDraft draft = new EscalationPolicyDraft("", 9, List.of(
        new StepDraft(0, List.of()),
        new StepDraft(null, List.of(new TargetDraft("robot", 1L, null),
            new TargetDraft("pagerduty", null, "not valid!"), new TargetDraft("team", null, null))),
        new StepDraft(5, List.of(new TargetDraft("user", 42L, null)))));
    BiPredicate<TargetType, Long> only1 = (type, id) -> id == 1L;

    assertThat(errors(draft, only1)).containsExactly(
        new FieldError("name", "is required"),
        new FieldError("repeat", "must be between 0 and 5"),
        new FieldError("steps[0].delayMinutes", "must be between 1 and 1440"),
        new FieldError("steps[0].targets", "give at least one target"),
        new FieldError("steps[1].delayMinutes", "is required"),
        new FieldError("steps[1].targets[0].type",
            "'robot' is not one of [USER, SCHEDULE, TEAM, PAGERDUTY]"),
        new FieldError("steps[1].targets[1].pagerdutyServiceId",
            "a pagerduty target needs a PagerDuty service id (letters and digits)"),
        new FieldError("steps[1].targets[2].id", "is required"),
        new FieldError("steps[2].targets[0].id", "no user 42"));
  }

  @Test
  void limitsAreEnforced() {
    StepDraft step = new StepDraft(1, List.of(new TargetDraft("user", 1L, null)));
    assertThat(errors(new EscalationPolicyDraft("P", 0, List.of()), ALL_EXIST))
        .containsExactly(new FieldError("steps", "give at least one step"));
    assertThat(errors(new EscalationPolicyDraft("P", 0,
        Collections.nCopies(EscalationPolicyValidation.MAX_STEPS + 1, step)), ALL_EXIST))
        .containsExactly(new FieldError("steps", "at most 20 steps"));
    assertThat(errors(new EscalationPolicyDraft("P", 0, List.of(new StepDraft(1,
        Collections.nCopies(EscalationPolicyValidation.MAX_TARGETS + 1,
            new TargetDraft("user", 1L, null))))), ALL_EXIST))
        .containsExactly(new FieldError("steps[0].targets", "at most 50 targets"));
  }
}
