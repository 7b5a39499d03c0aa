package dev.firebreak.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.workflows.oncall.Layer;
import dev.firebreak.workflows.oncall.OnCall;
import dev.firebreak.workflows.oncall.Restriction;
import dev.firebreak.workflows.oncall.Rotation;
import dev.firebreak.workflows.oncall.Schedule;
import dev.firebreak.workflows.oncall.ScheduleOverride;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The benchmark behind docs/benchmarks/oncall.md, not part of the default run: {@code GET
 * /schedules/{id}/oncall?at=} for a schedule of 3 layers, 20 users and 100 overrides, through HTTP
 * against the running application and PostgreSQL, and the pure calculation alone. Run with
 * {@code ./mvnw -pl worker -am verify -Dtest=OnCallBenchmark -Dfirebreak.benchmark=true
 * -Dsurefire.failIfNoSpecifiedTests=false}; the numbers are printed to the test output.
 */
@EnabledIfSystemProperty(named = "firebreak.benchmark", matches = "true")
class OnCallBenchmark extends EndToEndTest {

  static final int WARMUP = 500;
  static final int CALLS = 5000;
  static final Instant YEAR = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void onCallAtForThreeLayersTwentyUsersAndAHundredOverrides() {
    String run = Long.toString(System.nanoTime(), 36);
    List<Long> users = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      users.add(create("/api/v1/users", "{\"name\":\"Bench " + i + "\",\"email\":\"bench" + i
          + "-" + run + "@bench.test\"}"));
    }
    String ids = users.toString();
    long schedule = create("/api/v1/schedules", """
        {"name": "Bench %s", "timeZone": "Europe/Paris", "layers": [
          {"start": "2025-12-01T09:00:00", "rotation": "weekly", "users": %s},
          {"start": "2025-12-01T09:00:00", "rotation": "daily", "users": %s,
           "restrictions": [{"days": ["MON","TUE","WED","THU","FRI"], "from": "09:00",
                             "to": "18:00"}]},
          {"start": "2025-12-01T00:00:00", "rotation": {"hours": 8}, "users": %s,
           "restrictions": [{"days": ["SAT","SUN"], "from": "20:00", "to": "08:00"}]}]}"""
        .formatted(run, ids, users.subList(0, 10), users.subList(10, 20)));
    Random random = new Random(42);
    List<ScheduleOverride> overrides = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      Instant start = YEAR.plus(Duration.ofHours(random.nextInt(365 * 24)));
      Instant end = start.plus(Duration.ofHours(1 + random.nextInt(48)));
      long user = users.get(random.nextInt(users.size()));
      create("/api/v1/schedules/" + schedule + "/overrides", "{\"userId\":" + user
          + ",\"start\":\"" + start + "\",\"end\":\"" + end + "\"}");
      overrides.add(new ScheduleOverride(i, schedule, user, start, end));
    }

    long[] http = new long[CALLS];
    for (int i = 0; i < WARMUP + CALLS; i++) {
      Instant at = YEAR.plus(Duration.ofMinutes(random.nextInt(365 * 24 * 60)));
      long t0 = System.nanoTime();
      Http.Response response = this.http.get("/api/v1/schedules/" + schedule + "/oncall?at=" + at);
      long t1 = System.nanoTime();
      assertThat(response.status()).isEqualTo(200);
      JsonNode found = response.json().get("users");
      assertThat(found.size()).isGreaterThanOrEqualTo(1);
      if (i >= WARMUP) {
        http[i - WARMUP] = t1 - t0;
      }
    }

    Schedule inMemory = new Schedule(schedule, "Bench", "Europe/Paris", List.of(
        new Layer("weekly", LocalDateTime.parse("2025-12-01T09:00:00"), Rotation.WEEKLY, users,
            List.of()),
        new Layer("daily", LocalDateTime.parse("2025-12-01T09:00:00"), Rotation.DAILY,
            users.subList(0, 10), List.of(new Restriction(List.of(DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
                LocalTime.of(9, 0), LocalTime.of(18, 0)))),
        new Layer("hours", LocalDateTime.parse("2025-12-01T00:00:00"), Rotation.everyHours(8),
            users.subList(10, 20), List.of(new Restriction(List.of(DayOfWeek.SATURDAY,
                DayOfWeek.SUNDAY), LocalTime.of(20, 0), LocalTime.of(8, 0))))));
    long[] pure = new long[CALLS * 10];
    long sink = 0;
    for (int i = 0; i < CALLS * 10 + 10_000; i++) {
      Instant at = YEAR.plus(Duration.ofMinutes(random.nextInt(365 * 24 * 60)));
      long t0 = System.nanoTime();
      sink += OnCall.at(inMemory, overrides, at).size();
      long t1 = System.nanoTime();
      if (i >= 10_000) {
        pure[i - 10_000] = t1 - t0;
      }
    }
    assertThat(sink).isPositive();
    System.out.println("BENCHMARK oncall?at= over HTTP+PostgreSQL, " + CALLS + " calls: "
        + stats(http));
    System.out.println("BENCHMARK OnCall.at in memory, " + pure.length + " calls: "
        + stats(pure));
  }

  static String stats(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return String.format("p50 %.3f ms, p99 %.3f ms, max %.3f ms",
        sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
        sorted[sorted.length - 1] / 1e6);
  }
}
