package dev.firebreak.workflows.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The on-call calculation, with scenarios in the spirit of GoAlert's schedule smoke tests. */
class OnCallTest {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  static Instant paris(String local) {
    return LocalDateTime.parse(local).atZone(PARIS).toInstant();
  }

  static Schedule schedule(String zone, Layer... layers) {
    return new Schedule(1, "Primary", zone, List.of(layers));
  }

  static Layer layer(String start, Rotation rotation, Long... users) {
    return new Layer("l", LocalDateTime.parse(start), rotation, List.of(users), List.of());
  }

  static ScheduleOverride override(long id, long user, Instant start, Instant end) {
    return new ScheduleOverride(id, 1, user, start, end);
  }

  @Nested
  class Rotations {

    @Test
    void nobodyIsOnCallBeforeTheLayerStarts() {
      Schedule s = schedule("Europe/Paris", layer("2026-11-02T09:00", Rotation.DAILY, 1L, 2L));
      assertThat(OnCall.at(s, List.of(), paris("2026-11-02T08:59:59"))).isEmpty();
      assertThat(OnCall.at(s, List.of(), paris("2026-11-02T09:00"))).containsExactly(1L);
    }

    @Test
    void dailyTurnsHandOffInOrderAndWrapAround() {
      Schedule s = schedule("Europe/Paris", layer("2026-11-02T09:00", Rotation.DAILY, 1L, 2L, 3L));
      assertThat(OnCall.at(s, List.of(), paris("2026-11-03T08:59"))).containsExactly(1L);
      assertThat(OnCall.at(s, List.of(), paris("2026-11-03T09:00"))).containsExactly(2L);
      assertThat(OnCall.at(s, List.of(), paris("2026-11-04T12:00"))).containsExactly(3L);
      assertThat(OnCall.at(s, List.of(), paris("2026-11-05T09:00"))).containsExactly(1L);
    }

    @Test
    void weeklyTurnsLastSevenDays() {
      Schedule s = schedule("Europe/Paris", layer("2026-11-02T09:00", Rotation.WEEKLY, 1L, 2L));
      assertThat(OnCall.at(s, List.of(), paris("2026-11-09T08:59"))).containsExactly(1L);
      assertThat(OnCall.at(s, List.of(), paris("2026-11-09T09:00"))).containsExactly(2L);
      assertThat(OnCall.at(s, List.of(), paris("2026-11-16T09:00"))).containsExactly(1L);
    }

    @Test
    void hourlyTurnsCountElapsedHours() {
      Schedule s = schedule("Europe/Paris", layer("2026-11-02T00:00", Rotation.everyHours(8), 1L,
          2L, 3L));
      assertThat(OnCall.at(s, List.of(), paris("2026-11-02T07:59"))).containsExactly(1L);
      assertThat(OnCall.at(s, List.of(), paris("2026-11-02T08:00"))).containsExactly(2L);
      assertThat(OnCall.at(s, List.of(), paris("2026-11-02T16:00"))).containsExactly(3L);
      assertThat(OnCall.at(s, List.of(), paris("2026-11-03T00:00"))).containsExactly(1L);
    }
  }

  /** GoAlert: a schedule's handoff keeps its local time across a daylight-saving change. */
  @Nested
  class DaylightSaving {

    @Test
    void springForwardKeepsTheNineOClockHandoffAndMakesA23HourTurn() {
      // Europe/Paris moves from +01:00 to +02:00 on 2026-03-29 at 02:00
      Schedule s = schedule("Europe/Paris", layer("2026-03-27T09:00", Rotation.DAILY, 1L, 2L, 3L));
      Instant before = paris("2026-03-28T09:00");
      Instant after = paris("2026-03-29T09:00");
      assertThat(Duration.between(before, after)).isEqualTo(Duration.ofHours(23));
      assertThat(OnCall.at(s, List.of(), after.minusSeconds(1))).containsExactly(2L);
      assertThat(OnCall.at(s, List.of(), after)).containsExactly(3L);
      assertThat(after).isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
      assertThat(OnCall.at(s, List.of(), Instant.parse("2026-03-29T07:59:00Z")))
          .containsExactly(3L);
    }

    @Test
    void fallBackMakesA25HourTurn() {
      // America/New_York moves from -04:00 to -05:00 on 2026-11-01 at 02:00
      Schedule s = schedule("America/New_York", layer("2026-10-31T09:00", Rotation.DAILY, 1L,
          2L));
      List<Shift> shifts = OnCall.shifts(s, List.of(), Instant.parse("2026-10-31T13:00:00Z"),
          Instant.parse("2026-11-02T14:00:00Z"));
      assertThat(shifts).extracting(Shift::start).containsExactly(
          Instant.parse("2026-10-31T13:00:00Z"), Instant.parse("2026-11-01T14:00:00Z"));
      assertThat(Duration.between(shifts.get(0).start(), shifts.get(0).end()))
          .isEqualTo(Duration.ofHours(25));
      assertThat(shifts).extracting(Shift::userIds).containsExactly(List.of(1L), List.of(2L));
      assertThat(shifts.get(1).end()).isEqualTo(Instant.parse("2026-11-02T14:00:00Z"));
    }

    @Test
    void aHandoffInTheSpringGapMovesToTheFirstValidInstant() {
      // 02:30 does not exist in New York on 2026-03-08; the turn begins at 03:30 EDT = 07:30Z
      Schedule s = schedule("America/New_York", layer("2026-03-06T02:30", Rotation.DAILY, 1L,
          2L));
      assertThat(OnCall.at(s, List.of(), Instant.parse("2026-03-08T07:29:00Z")))
          .containsExactly(2L);
      assertThat(OnCall.at(s, List.of(), Instant.parse("2026-03-08T07:30:00Z")))
          .containsExactly(1L);
      assertThat(OnCall.at(s, List.of(), Instant.parse("2026-03-07T07:31:00Z")))
          .containsExactly(2L);
      assertThat(OnCall.at(s, List.of(),
          LocalDateTime.parse("2026-03-09T02:30").atZone(NEW_YORK).toInstant()))
          .containsExactly(2L);
    }

    @Test
    void hourRotationsCountRealHoursAcrossTheChange() {
      Schedule s = schedule("Europe/Paris", layer("2026-03-29T00:00", Rotation.everyHours(2),
          1L, 2L));
      // 00:00 +01:00 = 23:00Z; two real hours later it is 01:00Z = 03:00 local
      assertThat(OnCall.at(s, List.of(), paris("2026-03-29T03:00"))).containsExactly(2L);
    }
  }

  @Nested
  class Layers {

    @Test
    void aLaterLayerWinsWhereItHasSomeone() {
      Layer base = layer("2026-11-02T00:00", Rotation.WEEKLY, 1L);
      Layer business = new Layer("business", LocalDateTime.parse("2026-11-02T00:00"),
          Rotation.DAILY, List.of(2L, 3L), List.of(new Restriction(
              List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                  DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
              LocalTime.of(9, 0), LocalTime.of(18, 0))));
      Schedule s = schedule("Europe/Paris", base, business);
      assertThat(OnCall.at(s, List.of(), paris("2026-11-02T08:59"))).containsExactly(1L);
      assertThat(OnCall.at(s, List.of(), paris("2026-11-02T09:00"))).containsExactly(2L);
      assertThat(OnCall.at(s, List.of(), paris("2026-11-03T17:59"))).containsExactly(3L);
      assertThat(OnCall.at(s, List.of(), paris("2026-11-03T18:00"))).containsExactly(1L);
      assertThat(OnCall.at(s, List.of(), paris("2026-11-07T12:00"))).as("Saturday")
          .containsExactly(1L);
    }

    @Test
    void aRestrictionPastMidnightBelongsToTheDayItStarts() {
      Layer nights = new Layer("nights", LocalDateTime.parse("2026-11-02T00:00"),
          Rotation.WEEKLY, List.of(7L), List.of(new Restriction(List.of(DayOfWeek.FRIDAY),
              LocalTime.of(22, 0), LocalTime.of(6, 0))));
      Schedule s = schedule("Europe/Paris", nights);
      assertThat(OnCall.at(s, List.of(), paris("2026-11-06T21:59"))).isEmpty();
      assertThat(OnCall.at(s, List.of(), paris("2026-11-06T22:00"))).containsExactly(7L);
      assertThat(OnCall.at(s, List.of(), paris("2026-11-07T05:59"))).containsExactly(7L);
      assertThat(OnCall.at(s, List.of(), paris("2026-11-07T06:00"))).isEmpty();
      assertThat(OnCall.at(s, List.of(), paris("2026-11-07T23:00"))).as("Saturday night")
          .isEmpty();
    }

    @Test
    void restrictionsMaskTheRotationWithoutPausingIt() {
      Layer l = new Layer("l", LocalDateTime.parse("2026-11-02T00:00"), Rotation.DAILY,
          List.of(1L, 2L), List.of(new Restriction(List.of(), LocalTime.of(9, 0),
              LocalTime.of(10, 0))));
      Schedule s = schedule("UTC", l);
      assertThat(OnCall.at(s, List.of(), Instant.parse("2026-11-02T09:30:00Z")))
          .containsExactly(1L);
      assertThat(OnCall.at(s, List.of(), Instant.parse("2026-11-03T09:30:00Z")))
          .containsExactly(2L);
      List<Shift> shifts = OnCall.shifts(s, List.of(), Instant.parse("2026-11-02T00:00:00Z"),
          Instant.parse("2026-11-04T00:00:00Z"));
      assertThat(shifts).containsExactly(
          new Shift(Instant.parse("2026-11-02T09:00:00Z"), Instant.parse("2026-11-02T10:00:00Z"),
              List.of(1L)),
          new Shift(Instant.parse("2026-11-03T09:00:00Z"), Instant.parse("2026-11-03T10:00:00Z"),
              List.of(2L)));
    }
  }

  /** GoAlert: temporary schedules and overrides: add, remove, replace. */
  @Nested
  class Overrides {

    final Schedule s = schedule("UTC", layer("2026-11-02T00:00", Rotation.DAILY, 1L, 2L));
    final Instant noon = Instant.parse("2026-11-02T12:00:00Z");

    @Test
    void anOverrideReplacesTheWholeOnCallSetForItsSpan() {
      ScheduleOverride o = override(10, 9, noon, noon.plus(Duration.ofHours(2)));
      assertThat(OnCall.at(s, List.of(o), noon.minusSeconds(1))).containsExactly(1L);
      assertThat(OnCall.at(s, List.of(o), noon)).containsExactly(9L);
      assertThat(OnCall.at(s, List.of(o), noon.plus(Duration.ofHours(2)))).containsExactly(1L);
    }

    @Test
    void removingAnOverrideGivesTheRotationBack() {
      List<ScheduleOverride> overrides = new ArrayList<>(List.of(
          override(10, 9, noon, noon.plus(Duration.ofHours(2)))));
      assertThat(OnCall.at(s, overrides, noon)).containsExactly(9L);
      overrides.remove(0);
      assertThat(OnCall.at(s, overrides, noon)).containsExactly(1L);
    }

    @Test
    void overlappingOverridesPutEveryOverridingUserOnCall() {
      List<ScheduleOverride> overrides = List.of(
          override(10, 9, noon, noon.plus(Duration.ofHours(2))),
          override(11, 8, noon.plus(Duration.ofHours(1)), noon.plus(Duration.ofHours(3))));
      assertThat(OnCall.at(s, overrides, noon.plus(Duration.ofMinutes(90))))
          .containsExactly(9L, 8L);
      List<Shift> shifts = OnCall.shifts(s, overrides, noon, noon.plus(Duration.ofHours(4)));
      assertThat(shifts).extracting(Shift::userIds).containsExactly(
          List.of(9L), List.of(9L, 8L), List.of(8L), List.of(1L));
    }

    @Test
    void replacingAnOverrideMovesTheSpan() {
      ScheduleOverride first = override(10, 9, noon, noon.plus(Duration.ofHours(2)));
      ScheduleOverride replacement =
          override(11, 7, noon.plus(Duration.ofHours(1)), noon.plus(Duration.ofHours(5)));
      List<ScheduleOverride> after = List.of(replacement);
      assertThat(OnCall.at(s, List.of(first), noon)).containsExactly(9L);
      assertThat(OnCall.at(s, after, noon)).containsExactly(1L);
      assertThat(OnCall.at(s, after, noon.plus(Duration.ofHours(4)))).containsExactly(7L);
    }

    @Test
    void anOverrideCoversAGapWhereNoLayerHasAnyone() {
      Schedule empty = schedule("UTC");
      ScheduleOverride o = override(10, 5, noon, noon.plus(Duration.ofHours(1)));
      assertThat(OnCall.at(empty, List.of(o), noon)).containsExactly(5L);
      assertThat(OnCall.shifts(empty, List.of(o), noon.minusSeconds(3600),
          noon.plusSeconds(7200))).containsExactly(
          new Shift(noon, noon.plusSeconds(3600), List.of(5L)));
    }
  }

  @Test
  void shiftsMergeConsecutiveTurnsOfTheSameUserAndClipToTheRange() {
    Schedule s = schedule("UTC", layer("2026-11-02T00:00", Rotation.DAILY, 4L));
    List<Shift> shifts = OnCall.shifts(s, List.of(), Instant.parse("2026-11-03T06:00:00Z"),
        Instant.parse("2026-11-06T06:00:00Z"));
    assertThat(shifts).containsExactly(new Shift(Instant.parse("2026-11-03T06:00:00Z"),
        Instant.parse("2026-11-06T06:00:00Z"), List.of(4L)));
  }
}
