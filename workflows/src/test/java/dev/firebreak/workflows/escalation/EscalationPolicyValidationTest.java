package dev.firebreak.workflows.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.workflows.escalation.EscalationPolicy.Target;
import dev.firebreak.workflows.escalation.EscalationPolicy.TargetType;
import dev.firebreak.workflows.escalation.EscalationPolicyDraft.StepDraft;
import dev.firebreak.workflows.escalation.EscalationPolicyDraft.TargetDraft;
import dev.firebreak.workflows.escalation.EscalationPolicyDraft.WindowDraft;
import dev.firebreak.workflows.validation.FieldError;
import dev.firebreak.workflows.validation.InvalidInput;
import java.time.DayOfWeek;
import java.time.Instant;
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

  @Test
  void aRoundRobinStepWithABusinessHoursWindowIsNormalized() {
    EscalationPolicyDraft draft = new EscalationPolicyDraft("Day", 0, List.of(new StepDraft(5,
        List.of(new TargetDraft("team", 3L, null)), "round_robin",
        new WindowDraft(List.of("fri", "Monday", "tue", "wed", "thu", "mon"), "09:00", "18:00",
            " Europe/Paris "))));

    EscalationPolicy.Step step = EscalationPolicyValidation.normalize(1, draft, ALL_EXIST)
        .steps().get(0);

    assertThat(step.mode()).isEqualTo(StepMode.ROUND_ROBIN);
    assertThat(step.when()).isEqualTo(new StepWindow(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
        DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), "09:00", "18:00",
        "Europe/Paris"));
  }

  @Test
  void aWrongModeOrWindowIsNamed() {
    EscalationPolicyDraft draft = new EscalationPolicyDraft("P", 0, List.of(
        new StepDraft(5, List.of(new TargetDraft("pagerduty", null, "PX1")), "round_robin", null),
        new StepDraft(5, List.of(new TargetDraft("user", 1L, null)), "random",
            new WindowDraft(List.of("someday"), "9am", "25:00", "Mars/Olympus")),
        new StepDraft(5, List.of(new TargetDraft("user", 1L, null)), null,
            new WindowDraft(List.of(), "10:00", "10:00", null))));

    assertThat(errors(draft, ALL_EXIST)).containsExactly(
        new FieldError("steps[0].mode", "a round_robin step pages people: no pagerduty targets"),
        new FieldError("steps[1].mode", "'random' is not one of [ALL, ROUND_ROBIN]"),
        new FieldError("steps[1].when.days", "'someday' is not a day (mon..sun)"),
        new FieldError("steps[1].when.from", "'9am' is not a time of day (HH:mm)"),
        new FieldError("steps[1].when.to", "'25:00' is not a time of day (HH:mm)"),
        new FieldError("steps[1].when.timeZone", "'Mars/Olympus' is not a time zone"),
        new FieldError("steps[2].when.days", "give at least one day"),
        new FieldError("steps[2].when.to", "must differ from 'from'"),
        new FieldError("steps[2].when.timeZone", "is required"));
  }

  @Test
  void aWindowContainsItsHoursOnItsDaysInItsZoneAndOvernightWindowsWrap() {
    StepWindow day = new StepWindow(List.of(DayOfWeek.MONDAY), "09:00", "18:00", "Europe/Paris");
    assertThat(day.contains(Instant.parse("2026-03-30T07:00:00Z"))).isTrue(); // 09:00 CEST
    assertThat(day.contains(Instant.parse("2026-03-30T06:59:00Z"))).isFalse();
    assertThat(day.contains(Instant.parse("2026-03-30T16:00:00Z"))).isFalse(); // 18:00
    assertThat(day.contains(Instant.parse("2026-03-31T08:00:00Z"))).isFalse(); // Tuesday
    StepWindow night = new StepWindow(List.of(DayOfWeek.FRIDAY), "22:00", "06:00", "UTC");
    assertThat(night.contains(Instant.parse("2026-04-03T23:00:00Z"))).isTrue();
    assertThat(night.contains(Instant.parse("2026-04-04T05:59:00Z"))).isTrue(); // Saturday
    assertThat(night.contains(Instant.parse("2026-04-04T06:00:00Z"))).isFalse();
    assertThat(night.contains(Instant.parse("2026-04-03T05:00:00Z"))).isFalse(); // Friday early
  }
}
