package dev.firebreak.workflows.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.workflows.oncall.ScheduleDraft.LayerDraft;
import dev.firebreak.workflows.oncall.ScheduleDraft.RestrictionDraft;
import dev.firebreak.workflows.validation.FieldError;
import dev.firebreak.workflows.validation.InvalidInput;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The rules of a schedule, without a database or HTTP: what is accepted, and every refusal. */
class ScheduleValidationTest {

  static final Function<Set<Long>, Set<Long>> EVERYONE_EXISTS = ids -> Set.of();

  static LayerDraft layer(Object rotation, List<Long> users, RestrictionDraft... restrictions) {
    return new LayerDraft(null, "2026-11-02T09:00:00", rotation, users, List.of(restrictions));
  }

  static List<FieldError> errors(ScheduleDraft draft, Function<Set<Long>, Set<Long>> missing) {
    try {
      ScheduleValidation.normalize(0, draft, missing);
    } catch (InvalidInput e) {
      return e.errors();
    }
    throw new AssertionError("accepted: " + draft);
  }

  @Test
  void aValidDraftBecomesASchedule() {
    ScheduleDraft draft = new ScheduleDraft("  Primary ", "Europe/Paris", List.of(
        layer("weekly", List.of(1L, 2L), new RestrictionDraft(List.of("mon", "Tuesday"),
            "09:00", "24:00")),
        layer(Map.of("hours", 12), List.of(3L))));

    Schedule schedule = ScheduleValidation.normalize(7, draft, EVERYONE_EXISTS);

    assertThat(schedule.id()).isEqualTo(7);
    assertThat(schedule.name()).isEqualTo("Primary");
    assertThat(schedule.layers()).hasSize(2);
    Layer first = schedule.layers().get(0);
    assertThat(first.name()).isEqualTo("Layer 1");
    assertThat(first.start()).isEqualTo(LocalDateTime.of(2026, 11, 2, 9, 0));
    assertThat(first.rotation()).isEqualTo(Rotation.WEEKLY);
    assertThat(first.restrictions()).containsExactly(new Restriction(
        List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY), LocalTime.of(9, 0), LocalTime.MIDNIGHT));
    assertThat(schedule.layers().get(1).rotation()).isEqualTo(Rotation.everyHours(12));
    assertThat(schedule.layers().get(1).name()).isEqualTo("Layer 2");
  }

  @Test
  void everyWrongFieldIsNamedAtOnce() {
    ScheduleDraft draft = new ScheduleDraft(" ", "Mars/Olympus", List.of(
        new LayerDraft(null, "tomorrow", "monthly", List.of(), List.of(
            new RestrictionDraft(List.of("FUNDAY"), "9h", null)))));

    assertThat(errors(draft, EVERYONE_EXISTS)).extracting(FieldError::field).containsExactly(
        "name", "timeZone", "layers[0].start", "layers[0].rotation", "layers[0].users",
        "layers[0].restrictions[0].days", "layers[0].restrictions[0].from",
        "layers[0].restrictions[0].to");
  }

  @Test
  void rotationsAreDailyWeeklyOrABoundedNumberOfHours() {
    assertThat(errors(new ScheduleDraft("P", "UTC", List.of(layer(Map.of("hours", 0),
        List.of(1L)))), EVERYONE_EXISTS))
        .containsExactly(new FieldError("layers[0].rotation.hours", "must be between 1 and 8784"));
    assertThat(errors(new ScheduleDraft("P", "UTC", List.of(layer(Map.of("hours", 1.5),
        List.of(1L)))), EVERYONE_EXISTS))
        .extracting(FieldError::field).containsExactly("layers[0].rotation");
    assertThat(errors(new ScheduleDraft("P", "UTC", List.of(layer(null, List.of(1L)))),
        EVERYONE_EXISTS))
        .extracting(FieldError::field).containsExactly("layers[0].rotation");
  }

  @Test
  void usersThatDoNotExistAreNamedInOrder() {
    ScheduleDraft draft = new ScheduleDraft("P", "UTC", List.of(
        layer("daily", List.of(9L, 1L)), layer("daily", List.of(5L))));
    Function<Set<Long>, Set<Long>> onlyOneExists = ids -> ids.stream()
        .filter(id -> id != 1L).collect(Collectors.toCollection(TreeSet::new));

    assertThat(errors(draft, onlyOneExists))
        .containsExactly(new FieldError("layers", "no users [5, 9]"));
  }

  @Test
  void limitsAreEnforced() {
    List<LayerDraft> tooMany = Collections.nCopies(ScheduleValidation.MAX_LAYERS + 1,
        layer("daily", List.of(1L)));
    assertThat(errors(new ScheduleDraft("P", "UTC", tooMany), EVERYONE_EXISTS))
        .containsExactly(new FieldError("layers", "at most 20 layers"));

    List<Long> crowd = Collections.nCopies(ScheduleValidation.MAX_LAYER_USERS + 1, 1L);
    assertThat(errors(new ScheduleDraft("P", "UTC", List.of(layer("daily", crowd))),
        EVERYONE_EXISTS))
        .containsExactly(new FieldError("layers[0].users", "at most 500 users"));

    assertThat(errors(new ScheduleDraft("P", "UTC",
        List.of(layer("daily", java.util.Arrays.asList(1L, null)))), EVERYONE_EXISTS))
        .containsExactly(new FieldError("layers[0].users", "must not contain null"));
  }

  @Test
  void theRefusalSummarisesItsFields() {
    assertThatThrownBy(() -> ScheduleValidation.normalize(0,
        new ScheduleDraft(null, null, null), EVERYONE_EXISTS))
        .isInstanceOf(InvalidInput.class)
        .hasMessage("2 fields are invalid: name, timeZone");
  }
}
