package dev.firebreak.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Schedules, overrides, escalation policies, acknowledgement, escalation and the simulator through
 * the REST API, against the real Temporal dev server and PostgreSQL, with Slack faked by WireMock.
 */
class OnCallApiEndToEndTest extends EndToEndTest {

  static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();

  long user(String name, String slackUserId) {
    String slack = slackUserId == null ? "" : ",\"slackUserId\":\"" + slackUserId + "\"";
    return create("/api/v1/users", "{\"name\":\"" + name + "\",\"email\":\"" + name + RUN
        + "@oncall.test\"" + slack + "}");
  }

  static void await(String what, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  List<String> timeline(long incident) {
    List<String> messages = new ArrayList<>();
    http.get("/api/v1/incidents/" + incident).json().get("timeline")
        .forEach(e -> messages.add(e.get("kind").asText() + ": " + e.get("message").asText()));
    return messages;
  }

  @Test
  void aScheduleAnswersWhoIsOnCallAndItsShiftsWithOverrides() {
    long ann = user("Ann", null);
    long bob = user("Bob", null);
    long cy = user("Cy", null);
    Http.Response created = http.post("/api/v1/schedules", """
        {"name": "Primary %s", "timeZone": "Europe/Paris",
         "layers": [{"name": "weekly", "start": "2026-11-02T09:00:00", "rotation": "weekly",
                     "users": [%d, %d]},
                    {"name": "business", "start": "2026-11-02T00:00:00", "rotation": {"hours": 24},
                     "users": [%d],
                     "restrictions": [{"days": ["MON","TUE","WED","THU","FRI"],
                                       "from": "09:00", "to": "18:00"}]}]}"""
        .formatted(RUN, ann, bob, cy));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode schedule = created.json();
    long id = schedule.get("id").asLong();
    assertThat(schedule.get("layers").get(1).get("rotation").get("hours").asInt()).isEqualTo(24);
    assertThat(schedule.get("layers").get(1).get("restrictions").get(0).get("days").get(0)
        .asText()).isEqualTo("MON");

    String path = "/api/v1/schedules/" + id;
    // Monday 08:00 Paris: the weekly layer has not started; 10:00: business hours layer wins
    assertThat(http.get(path + "/oncall?at=2026-11-02T07:00:00Z").json().get("users")).isEmpty();
    assertThat(http.get(path + "/oncall?at=2026-11-02T09:00:00Z").json().get("users").get(0)
        .get("id").asLong()).isEqualTo(cy);
    assertThat(http.get(path + "/oncall?at=2026-11-02T18:00:00Z").json().get("users").get(0)
        .get("name").asText()).isEqualTo("Ann");
    assertThat(http.get(path + "/oncall?at=2026-11-09T18:00:00Z").json().get("users").get(0)
        .get("id").asLong()).isEqualTo(bob);

    long override = create(path + "/overrides", """
        {"userId": %d, "start": "2026-11-02T17:00:00Z", "end": "2026-11-02T19:00:00Z"}"""
        .formatted(bob));
    assertThat(http.get(path + "/oncall?at=2026-11-02T18:00:00Z").json().get("users").get(0)
        .get("id").asLong()).isEqualTo(bob);
    assertThat(http.get(path + "/overrides?from=2026-11-01T00:00:00Z").json()).hasSize(1);

    JsonNode shifts = http.get(path + "/shifts?from=2026-11-02T00:00:00Z&to=2026-11-03T00:00:00Z")
        .json().get("shifts");
    List<String> summary = new ArrayList<>();
    shifts.forEach(s -> summary.add(s.get("start").asText() + " " + s.get("users").get(0)
        .get("name").asText()));
    assertThat(summary).containsExactly(
        "2026-11-02T08:00:00Z Cy", "2026-11-02T17:00:00Z Bob", "2026-11-02T19:00:00Z Ann");

    assertThat(http.delete(path + "/overrides/" + override).status()).isEqualTo(204);
    assertThat(http.get(path + "/oncall?at=2026-11-02T18:00:00Z").json().get("users").get(0)
        .get("id").asLong()).isEqualTo(ann);
    assertProblem(http.delete(path + "/overrides/" + override), 404, "no override");
  }

  @Test
  void badSchedulesAndPoliciesAreRefusedNamingTheFields() {
    Http.Response bad = http.post("/api/v1/schedules", """
        {"name": "Bad %s", "timeZone": "Mars/Base",
         "layers": [{"start": "tomorrow", "rotation": "monthly", "users": [],
                     "restrictions": [{"days": ["FUNDAY"], "from": "9am", "to": "18:00"}]}]}"""
        .formatted(RUN));
    assertProblem(bad, 400, "fields are invalid");
    assertThat(bad.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
        "timeZone", "layers[0].start", "layers[0].rotation", "layers[0].users",
        "layers[0].restrictions[0].days", "layers[0].restrictions[0].from");
    assertProblem(http.post("/api/v1/schedules", """
        {"name": "Ghosts %s", "timeZone": "UTC", "layers": [{"start": "2026-11-02T09:00:00",
         "rotation": "daily", "users": [999999]}]}""".formatted(RUN)), 400, "no users [999999]");
    assertProblem(http.get("/api/v1/schedules/999999/oncall"), 404, "no schedule 999999");
    assertProblem(http.get("/api/v1/schedules/999999/oncall?at=yesterday"), 400, "at");

    Http.Response badPolicy = http.post("/api/v1/escalation-policies", """
        {"name": "Bad %s", "repeat": 9, "steps": [{"delayMinutes": 0,
         "targets": [{"type": "robot", "id": 1}, {"type": "user", "id": 999999}]}]}"""
        .formatted(RUN));
    assertProblem(badPolicy, 400, "fields are invalid");
    assertThat(badPolicy.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
        "repeat", "steps[0].delayMinutes", "steps[0].targets[0].type", "steps[0].targets[1].id");
    assertProblem(http.post("/api/v1/services",
        "{\"name\":\"Svc " + RUN + "\",\"escalationPolicyId\":999999}"), 400,
        "no escalation policy 999999");
    long ann = user("Policy-Ann", null);
    long policy = create("/api/v1/escalation-policies", """
        {"name": "Edit %s", "steps": [{"delayMinutes": 5,
         "targets": [{"type": "user", "id": %d}]}]}""".formatted(RUN, ann));
    JsonNode changed = http.put("/api/v1/escalation-policies/" + policy, """
        {"name": "Edited %s", "repeat": 2, "steps": [{"delayMinutes": 7,
         "targets": [{"type": "USER", "id": %d}]}]}""".formatted(RUN, ann)).json();
    assertThat(changed.get("repeat").asInt()).isEqualTo(2);
    assertThat(http.get("/api/v1/escalation-policies/" + policy).json().get("steps").get(0)
        .get("targets").get(0).get("type").asText()).isEqualTo("user");
    long service = create("/api/v1/services", "{\"name\":\"Edit " + RUN
        + "\",\"escalationPolicyId\":" + policy + "}");
    assertThat(http.delete("/api/v1/escalation-policies/" + policy).status()).isEqualTo(204);
    assertThat(http.get("/api/v1/services/" + service).json().get("escalationPolicyId").isNull())
        .isTrue();
    assertProblem(http.get("/api/v1/escalation-policies/" + policy), 404, "no escalation policy");
  }

  @Test
  void anIncidentOfAServicePagesBySlackUntilAcknowledged() {
    String annSlack = "U0ANN" + RUN;
    long ann = user("Pager-Ann", annSlack);
    long ghost = user("Pager-Ghost", null);
    long refused = user("Pager-Refused", FakeSlack.REFUSING_USER);
    long policy = create("/api/v1/escalation-policies", """
        {"name": "Checkout %s", "repeat": 1,
         "steps": [{"delayMinutes": 5, "targets": [{"type": "user", "id": %d},
                                                    {"type": "user", "id": %d},
                                                    {"type": "user", "id": %d}]},
                   {"delayMinutes": 10, "targets": [{"type": "user", "id": %d}]}]}"""
        .formatted(RUN, ann, ghost, refused, ann));
    long service = create("/api/v1/services", "{\"name\":\"Checkout " + RUN
        + "\",\"escalationPolicyId\":" + policy + "}");
    long incident = create("/api/v1/incidents",
        "{\"title\":\"Checkout down\",\"priority\":\"P1\",\"serviceId\":" + service + "}");

    FakeSlack slack = FakeSlack.shared();
    await("Ann's page", () -> slack.messagesTo(annSlack).size() == 1);
    LoggedRequest page = slack.messagesTo(annSlack).get(0);
    assertThat(page.getHeader("Authorization")).isEqualTo("Bearer " + FakeSlack.TOKEN);
    assertThat(page.getBodyAsString()).contains("incident_acknowledge", "incident_resolve",
        "\"value\":\"" + incident + "\"", "Checkout down");
    await("the timeline notes", () -> timeline(incident).stream()
        .filter(m -> m.startsWith("ESCALATION: ")).count() >= 4);
    assertThat(timeline(incident)).contains(
        "ESCALATION: Paged Pager-Ann via slack (step 1, round 1)",
        "ESCALATION: Could not page Pager-Ghost (step 1, round 1): Pager-Ghost has no contact"
            + " method (no Slack user id); escalation goes on",
        "ESCALATION: Could not page Pager-Refused (step 1, round 1): Slack refused:"
            + " channel_not_found; escalation goes on");

    // Ann acknowledges, logged in: the timeline names the caller, not a userId in the body
    assertThat(http.put("/api/v1/users/" + ann + "/password",
        "{\"password\":\"correct horse battery\"}").status()).isEqualTo(204);
    Http annSession = Http.session(port);
    assertThat(annSession.login("Pager-Ann" + RUN + "@oncall.test", "correct horse battery")
        .status()).isEqualTo(200);
    Http.Response acked = annSession.post("/api/v1/incidents/" + incident + "/acknowledge",
        "{}");
    assertThat(acked.status()).as(acked.body()).isEqualTo(200);
    assertThat(acked.json().get("keyEvents").get("acknowledged").isNull()).isFalse();
    assertThat(timeline(incident)).contains("ACKNOWLEDGED: Acknowledged by Pager-Ann via the"
        + " web app: paging stopped");
    assertProblem(http.post("/api/v1/incidents/" + incident + "/escalate", "{}"), 409,
        "no escalation is running");
    assertProblem(http.post("/api/v1/incidents/" + incident + "/escalate",
        "{\"policyId\":999999}"), 400, "no escalation policy 999999");

    Http.Response escalated = http.post("/api/v1/incidents/" + incident + "/escalate",
        "{\"policyId\":" + policy + "}");
    assertThat(escalated.status()).as(escalated.body()).isEqualTo(200);
    await("the second escalation's page", () -> slack.messagesTo(annSlack).size() == 2);
    Http.Response moved = http.post("/api/v1/incidents/" + incident + "/escalate", "{}");
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    await("the next step's page", () -> slack.messagesTo(annSlack).size() == 3);

    assertThat(http.post("/api/v1/incidents/" + incident + "/status",
        "{\"status\":\"MITIGATED\"}").status()).isEqualTo(200);
    assertProblem(http.post("/api/v1/incidents/" + incident + "/escalate", "{}"), 409,
        "MITIGATED");
    assertProblem(http.post("/api/v1/incidents/999999/acknowledge", "{}"), 404,
        "no incident 999999");
    assertProblem(http.post("/api/v1/incidents/" + incident + "/escalate",
        "{\"pagerdutyServiceId\":\"SVC1\",\"policyId\":" + policy + "}"), 400, "not both");
  }

  @Test
  void theSimulatorShowsWhoWouldBePagedAndWhen() {
    long ann = user("Sim-Ann", "U0SIMANN" + RUN);
    long bob = user("Sim-Bob", null);
    long schedule = create("/api/v1/schedules", """
        {"name": "Sim %s", "timeZone": "Europe/Paris",
         "layers": [{"start": "2026-03-28T09:00:00", "rotation": "daily",
                     "users": [%d, %d]}]}""".formatted(RUN, ann, bob));
    long policy = create("/api/v1/escalation-policies", """
        {"name": "Sim %s", "repeat": 1,
         "steps": [{"delayMinutes": 600, "targets": [{"type": "schedule", "id": %d}]},
                   {"delayMinutes": 60, "targets": [{"type": "user", "id": %d}]}]}"""
        .formatted(RUN, schedule, bob));
    Http.Response simulated = http.post("/api/v1/escalation-policies/" + policy + "/simulate",
        "{\"at\": \"2026-03-28T20:00:00Z\"}");
    assertThat(simulated.status()).as(simulated.body()).isEqualTo(200);
    List<String> pages = new ArrayList<>();
    simulated.json().get("notifications").forEach(n -> pages.add(n.get("atMinute").asLong() + " "
        + n.get("loop").asInt() + "/" + n.get("step").asInt() + " " + n.get("userName").asText()
        + " " + n.get("via").asText()));
    // Ann until the 09:00 Paris handoff of the 29th (07:00Z, after the DST change), then Bob
    assertThat(pages).containsExactly(
        "0 0/0 Sim-Ann slack", "600 0/1 Sim-Bob none", "660 1/0 Sim-Bob none",
        "1260 1/1 Sim-Bob none");

    Http.Response acked = http.post("/api/v1/escalation-policies/" + policy + "/simulate",
        "{\"at\": \"2026-03-28T20:00:00Z\", \"ackAfterMinutes\": 601}");
    assertThat(acked.json().get("notifications")).hasSize(2);
    assertProblem(http.post("/api/v1/escalation-policies/999999/simulate", "{}"), 404,
        "no escalation policy");
  }

  @Test
  void aPolicyStepCanPageAPagerDutyServiceAndTheSimulatorShowsIt() {
    long ann = user("PD-Ann", "U0PDANN" + RUN);
    long policy = create("/api/v1/escalation-policies", """
        {"name": "PD %s", "repeat": 1,
         "steps": [{"delayMinutes": 5, "targets": [{"type": "pagerduty",
                                                    "pagerdutyServiceId": "PSVC%s"},
                                                   {"type": "user", "id": %d}]}]}"""
        .formatted(RUN, RUN, ann));
    var target = http.get("/api/v1/escalation-policies/" + policy).json()
        .get("steps").get(0).get("targets").get(0);
    assertThat(target.get("type").asText()).isEqualTo("pagerduty");
    assertThat(target.get("pagerdutyServiceId").asText()).isEqualTo("PSVC" + RUN);

    List<String> pages = new ArrayList<>();
    http.post("/api/v1/escalation-policies/" + policy + "/simulate", "{}").json()
        .get("notifications").forEach(n -> pages.add(n.get("atMinute").asLong() + " "
            + n.get("loop").asInt() + "/" + n.get("step").asInt() + " "
            + n.get("userName").asText() + " " + n.get("via").asText()));
    // PagerDuty is paged once per incident; the person every round
    assertThat(pages).containsExactlyInAnyOrder(
        "0 0/0 PagerDuty service PSVC" + RUN + " pagerduty", "0 0/0 PD-Ann slack",
        "5 1/0 PD-Ann slack");

    assertProblem(http.post("/api/v1/escalation-policies", """
        {"name": "PD bad %s", "steps": [{"delayMinutes": 5,
          "targets": [{"type": "pagerduty"}]}]}""".formatted(RUN)), 400,
        "steps[0].targets[0].pagerdutyServiceId");
  }
}
