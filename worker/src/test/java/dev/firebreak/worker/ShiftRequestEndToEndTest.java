package dev.firebreak.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A cover request taken over HTTP, and the schedule's final shifts shown to change. */
class ShiftRequestEndToEndTest extends EndToEndTest {

  static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();

  long user(String name) {
    return create("/api/v1/users", "{\"name\":\"" + name + "\",\"email\":\"" + name + RUN
        + "@swap.test\"}");
  }

  JsonNode onCallAt(long schedule, Instant at) {
    return http.get("/api/v1/schedules/" + schedule + "/oncall?at=" + at).json().get("users");
  }

  @Test
  void takingARequestChangesTheFinalSchedule() {
    long ann = user("Ann");
    long cy = user("Cy");
    // Ann alone, daily from 09:00 UTC: her shift tomorrow is what she wants covered
    long schedule = create("/api/v1/schedules", """
        {"name": "Swap %s", "timeZone": "UTC",
         "layers": [{"name": "daily", "start": "2026-01-01T09:00:00", "rotation": "daily",
                     "users": [%d]}]}""".formatted(RUN, ann));
    Instant start = LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(9, 0)
        .toInstant(ZoneOffset.UTC);
    Instant end = start.plusSeconds(24 * 3600);
    Instant middle = start.plusSeconds(3600);
    assertThat(onCallAt(schedule, middle).get(0).get("id").asLong()).isEqualTo(ann);

    String requests = "/api/v1/schedules/" + schedule + "/shift-requests";
    Http.Response asked = http.post(requests, """
        {"userId": %d, "start": "%s", "end": "%s", "note": "dentist"}"""
        .formatted(ann, start, end));
    assertThat(asked.status()).as(asked.body()).isEqualTo(201);
    long id = asked.json().get("id").asLong();
    assertThat(http.get(requests).json().get(0).get("status").asText()).isEqualTo("OPEN");

    Http.Response taken = http.post(requests + "/" + id + "/take", "{\"userId\": " + cy + "}");
    assertThat(taken.status()).as(taken.body()).isEqualTo(200);
    assertThat(taken.json().get("status").asText()).isEqualTo("TAKEN");
    assertThat(onCallAt(schedule, middle).get(0).get("id").asLong()).isEqualTo(cy);
    assertThat(http.get("/api/v1/schedules/" + schedule + "/overrides").json().get(0)
        .get("userId").asLong()).isEqualTo(cy);

    assertProblem(http.post(requests + "/" + id + "/take", "{\"userId\": " + ann + "}"), 409,
        "can no longer be taken");
    assertProblem(http.post(requests, "{\"userId\": " + cy + ", \"start\": \"" + start
        + "\", \"end\": \"" + start + "\"}"), 400, "end: must be after start");
  }
}
