package dev.firebreak.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * "What happens next" ({@code GET /api/v1/incidents/{id}/escalation}) read from the real
 * escalation workflow: the pages still due with who is on call for them, and none once someone
 * acknowledged.
 */
class EscalationOutlookEndToEndTest extends EndToEndTest {

  @Test
  void theNextPagesAreShownUntilSomeoneAcknowledges() {
    String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    long ann = create("/api/v1/users",
        "{\"name\":\"Ann " + run + "\",\"email\":\"ann." + run + "@next.test\"}");
    long bob = create("/api/v1/users",
        "{\"name\":\"Bob " + run + "\",\"email\":\"bob." + run + "@next.test\"}");
    long schedule = create("/api/v1/schedules", """
        {"name": "Next %s", "timeZone": "UTC",
         "layers": [{"start": "2026-01-01T00:00:00", "rotation": "daily", "users": [%d]}]}"""
        .formatted(run, ann));
    long policy = create("/api/v1/escalation-policies", """
        {"name": "Next %s", "repeat": 1, "steps": [
          {"delayMinutes": 5, "targets": [{"type": "schedule", "id": %d}]},
          {"delayMinutes": 10, "targets": [{"type": "user", "id": %d}]}]}"""
        .formatted(run, schedule, bob));
    long service = create("/api/v1/services",
        "{\"name\":\"Next " + run + "\",\"escalationPolicyId\":" + policy + "}");
    long incident = create("/api/v1/incidents",
        "{\"title\":\"Next " + run + "\",\"serviceId\":" + service + "}");
    String path = "/api/v1/incidents/" + incident + "/escalation";

    JsonNode paging = await().atMost(Duration.ofSeconds(30)).until(
        () -> http.get(path).json(), o -> "PAGING".equals(o.path("phase").asText()));
    assertThat(paging.get("workflowId").asText()).isEqualTo("escalation-" + incident + "-1");
    assertThat(paging.get("policyName").asText()).isEqualTo("Next " + run);
    assertThat(paging.get("step").asInt()).isEqualTo(1);
    assertThat(paging.get("round").asInt()).isEqualTo(1);
    assertThat(paging.get("estimated").asBoolean()).isFalse();
    Instant started = Instant.parse(paging.get("startedAt").asText());
    JsonNode next = paging.get("next");
    // round 1 step 2, then round 2 steps 1 and 2; step 1 is the schedule's Ann, step 2 Bob
    assertThat(next).hasSize(3);
    assertThat(next.get(0).get("step").asInt()).isEqualTo(2);
    assertThat(next.get(0).get("people").get(0).asText()).isEqualTo("Bob " + run);
    assertThat(Instant.parse(next.get(0).get("due").asText()))
        .isEqualTo(started.plus(Duration.ofMinutes(5)));
    assertThat(next.get(1).get("round").asInt()).isEqualTo(2);
    assertThat(next.get(1).get("people").get(0).asText()).isEqualTo("Ann " + run);
    assertThat(Instant.parse(next.get(1).get("due").asText()))
        .isEqualTo(started.plus(Duration.ofMinutes(15)));
    assertThat(Instant.parse(next.get(2).get("due").asText()))
        .isEqualTo(started.plus(Duration.ofMinutes(20)));

    assertThat(http.post("/api/v1/incidents/" + incident + "/acknowledge", "{}").status())
        .isEqualTo(200);
    JsonNode acknowledged = await().atMost(Duration.ofSeconds(30)).until(
        () -> http.get(path).json(), o -> "ACKNOWLEDGED".equals(o.path("phase").asText()));
    assertThat(acknowledged.get("next")).isEmpty();
    // who acknowledged is the caller: here the tests' admin token
    assertThat(acknowledged.get("acknowledgedBy").asText()).contains("admin-token");
  }

  @Test
  void anIncidentThatNeverEscalatedHasNothingNextAndAnUnknownOneIsNotFound() {
    long incident = create("/api/v1/incidents", "{\"title\":\"No service\"}");
    JsonNode none = http.get("/api/v1/incidents/" + incident + "/escalation").json();
    assertThat(none.get("phase").asText()).isEqualTo("NONE");
    assertThat(none.get("next")).isEmpty();
    assertProblem(http.get("/api/v1/incidents/987654321/escalation"), 404, "987654321");
  }
}
