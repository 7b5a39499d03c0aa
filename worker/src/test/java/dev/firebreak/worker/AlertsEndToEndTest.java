package dev.firebreak.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** PagerDuty's Events API v2 into alert groups, end to end on the real Temporal dev server. */
class AlertsEndToEndTest extends EndToEndTest {

  @Autowired JdbcClient jdbc;

  /** PagerDuty's documented trigger example (developer.pagerduty.com, Events API v2). */
  static String documentedTrigger(String routingKey, String dedupKey) {
    return """
        {
          "payload": {
            "summary": "Example alert on host1.example.com",
            "timestamp": "2015-07-17T08:42:58.315+0000",
            "source": "monitoringtool:cloudvendor:central-region-dc-01:852559987:cluster/api-stats-prod-003",
            "severity": "info",
            "component": "postgres",
            "group": "prod-datapipe",
            "class": "deploy",
            "custom_details": {
              "ping time": "1500ms",
              "load avg": 0.75
            }
          },
          "routing_key": "%s",
          "dedup_key": "%s",
          "images": [{
            "src": "https://www.pagerduty.com/wp-content/uploads/2016/05/pagerduty-logo-green.png",
            "href": "https://example.com/",
            "alt": "Example text"
          }],
          "links": [{
            "href": "https://example.com/",
            "text": "Link text"
          }],
          "event_action": "trigger",
          "client": "Example Monitoring Service",
          "client_url": "https://example.com"
        }""".formatted(routingKey, dedupKey);
  }

  /** PagerDuty's documented acknowledge / resolve examples. */
  static String documented(String action, String routingKey, String dedupKey) {
    return """
        {"routing_key": "%s", "dedup_key": "%s", "event_action": "%s"}"""
        .formatted(routingKey, dedupKey, action);
  }

  static String trigger(String routingKey, String dedupKey, String severity, String summary) {
    return """
        {"routing_key": "%s", "dedup_key": %s, "event_action": "trigger",
         "payload": {"summary": "%s", "source": "db-1", "severity": "%s"}}"""
        .formatted(routingKey, dedupKey == null ? "null" : "\"" + dedupKey + "\"", summary,
            severity);
  }

  JsonNode newService(String prefix) {
    Http.Response created = http.post("/api/v1/services",
        "{\"name\":\"" + prefix + "-" + ThreadLocalRandom.current().nextInt(1_000_000) + "\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json();
  }

  JsonNode alerts(long serviceId) {
    return http.get("/api/v1/alerts?serviceId=" + serviceId).json();
  }

  JsonNode awaitAlert(long serviceId, java.util.function.Predicate<JsonNode> until) {
    return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
        .until(() -> alerts(serviceId).get("items").size() > 0 ? alerts(serviceId) : null,
            page -> page != null && until.test(page.get("items").get(0)))
        .get("items").get(0);
  }

  @Test
  void documentedEventsTriggerRepeatAcknowledgeAndResolveOneAlertGroup() {
    JsonNode service = newService("Datapipe");
    long serviceId = service.get("id").asLong();
    String key = service.get("integrationKey").asText();

    Http.Response accepted = http.post("/v2/enqueue", documentedTrigger(key, "samplekeyhere"));
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    assertThat(accepted.json().get("status").asText()).isEqualTo("success");
    assertThat(accepted.json().get("message").asText()).isEqualTo("Event processed");
    assertThat(accepted.json().get("dedup_key").asText()).isEqualTo("samplekeyhere");
    http.post("/v2/enqueue", documentedTrigger(key, "samplekeyhere"));
    http.post("/v2/enqueue", documentedTrigger(key, "samplekeyhere"));

    JsonNode alert = awaitAlert(serviceId, a -> a.get("count").asLong() == 3);
    assertThat(alert.get("status").asText()).isEqualTo("TRIGGERED");
    assertThat(alert.get("dedupKey").asText()).isEqualTo("samplekeyhere");
    assertThat(alert.get("summary").asText()).isEqualTo("Example alert on host1.example.com");
    assertThat(alert.get("severity").asText()).isEqualTo("info");
    assertThat(alert.get("incidentId").isNull()).isTrue(); // info: an alert only
    assertThat(alert.get("firstAt").asText()).isNotBlank();

    assertThat(http.post("/v2/enqueue", documented("acknowledge", key, "samplekeyhere")).status())
        .isEqualTo(202);
    awaitAlert(serviceId, a -> a.get("status").asText().equals("ACKNOWLEDGED"));
    assertThat(http.post("/v2/enqueue", documented("resolve", key, "samplekeyhere")).status())
        .isEqualTo(202);
    JsonNode resolved = awaitAlert(serviceId, a -> a.get("status").asText().equals("RESOLVED"));
    assertThat(resolved.get("count").asLong()).isEqualTo(3);

    JsonNode detail = http.get("/api/v1/alerts/" + resolved.get("id").asLong()).json();
    // the triggers (coalesced into fewer rows when they arrive together), the ack, the resolve
    assertThat(detail.get("events").size()).isBetween(3, 5);
    assertThat(detail.get("events").get(0).get("action").asText()).isEqualTo("resolve");
    assertThat(detail.get("events").findValues("count").stream().mapToInt(JsonNode::asInt).sum())
        .isEqualTo(5);

    // after the resolve, the same key opens a new group
    http.post("/v2/enqueue", documentedTrigger(key, "samplekeyhere"));
    await().atMost(Duration.ofSeconds(20)).until(() -> alerts(serviceId).get("total").asInt() == 2);
    JsonNode newest = alerts(serviceId).get("items").get(0);
    assertThat(newest.get("status").asText()).isEqualTo("TRIGGERED");
    assertThat(newest.get("count").asLong()).isEqualTo(1);
    assertThat(http.get("/api/v1/alerts?serviceId=" + serviceId + "&status=RESOLVED").json()
        .get("total").asInt()).isEqualTo(1);
  }

  @Test
  void aCriticalAlertOpensAnIncidentOnItsServiceOnce() {
    JsonNode service = newService("Checkout");
    long serviceId = service.get("id").asLong();
    String key = service.get("integrationKey").asText();
    for (int i = 0; i < 3; i++) {
      assertThat(http.post("/v2/enqueue", trigger(key, "checkout-5xx", "critical",
          "Checkout answers 500")).status()).isEqualTo(202);
    }
    JsonNode alert = awaitAlert(serviceId, a -> !a.get("incidentId").isNull()
        && a.get("count").asLong() == 3);
    assertThat(alert.get("priority").asText()).isEqualTo("P1");
    JsonNode incident = http.get("/api/v1/incidents/" + alert.get("incidentId").asLong()).json();
    assertThat(incident.get("title").asText()).isEqualTo("Checkout answers 500");
    assertThat(incident.get("priority").asText()).isEqualTo("P1");
    assertThat(incident.get("serviceId").asLong()).isEqualTo(serviceId);
    assertThat(jdbc.sql("SELECT count(*) FROM incident WHERE service_id = :s")
        .param("s", serviceId).query(Long.class).single()).isEqualTo(1);

    // as in PagerDuty, the source's acknowledge and resolve reach the incident
    long incidentId = alert.get("incidentId").asLong();
    assertThat(http.post("/v2/enqueue", documented("acknowledge", key, "checkout-5xx")).status())
        .isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> !http.get("/api/v1/incidents/"
        + incidentId).json().get("keyEvents").get("acknowledged").isNull());
    assertThat(http.post("/v2/enqueue", documented("resolve", key, "checkout-5xx")).status())
        .isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/v1/incidents/"
        + incidentId).json().get("status").asText().equals("MITIGATED"));
    assertThat(http.get("/api/v1/incidents/" + incidentId).json().get("timeline").toString())
        .contains("resolved by its source");
  }

  @Test
  void aTriggerWithoutDedupKeyGetsOneAndUnmatchedResolvesAreIgnored() {
    JsonNode service = newService("Search");
    long serviceId = service.get("id").asLong();
    String key = service.get("integrationKey").asText();
    Http.Response response = http.post("/v2/enqueue", trigger(key, null, "warning", "Slow"));
    assertThat(response.status()).isEqualTo(202);
    String generated = response.json().get("dedup_key").asText();
    assertThat(generated).matches("[0-9a-f]{32}");
    awaitAlert(serviceId, a -> a.get("dedupKey").asText().equals(generated));

    Http.Response ignored = http.post("/v2/enqueue", documented("resolve", key, "never-seen"));
    assertThat(ignored.status()).isEqualTo(202);
    assertThat(ignored.json().get("dedup_key").asText()).isEqualTo("never-seen");
    assertThat(alerts(serviceId).get("total").asInt()).isEqualTo(1);
  }

  @Test
  void badEventsAreRefusedAsPagerDutyRefusesThem() {
    String key = newService("Refusals").get("integrationKey").asText();
    assertInvalid(http.post("/v2/enqueue", "{\"event_action\":\"trigger\"}"), "routing_key");
    assertInvalid(http.post("/v2/enqueue", trigger("0".repeat(32), "k", "error", "x")),
        "routing_key");
    assertInvalid(http.post("/v2/enqueue", documented("snooze", key, "k")), "event_action");
    assertInvalid(http.post("/v2/enqueue", trigger(key, "k", "fatal", "x")), "payload.severity");
    assertInvalid(http.post("/v2/enqueue", """
        {"routing_key": "%s", "event_action": "trigger", "payload": {"severity": "error"}}"""
        .formatted(key)), "payload.summary");
    assertInvalid(http.post("/v2/enqueue", documented("resolve", key, "")), "dedup_key");
    assertInvalid(http.post("/v2/enqueue", "{\"routing_key\": "), "Malformed JSON");
    assertInvalid(http.post("/v2/enqueue", trigger(key, "x".repeat(256), "error", "x")),
        "dedup_key");

    String huge = trigger(key, "big", "error", "x".repeat(600 * 1024));
    Http.Response tooLarge = http.post("/v2/enqueue", huge);
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.json().get("status").asText()).isEqualTo("invalid event");
  }

  static void assertInvalid(Http.Response response, String errorPart) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().get("status").asText()).isEqualTo("invalid event");
    assertThat(response.json().get("message").asText()).isEqualTo("Event object is invalid");
    assertThat(response.json().get("errors").toString()).contains(errorPart);
  }

  @Test
  void aStormOnAFewKeysBecomesAFewGroupsWithExactCounts() throws Exception {
    JsonNode service = newService("Storm");
    long serviceId = service.get("id").asLong();
    String key = service.get("integrationKey").asText();
    int keys = 5;
    int perKey = 300;
    ExecutorService senders = Executors.newFixedThreadPool(24);
    List<Future<Integer>> statuses = new ArrayList<>();
    for (int i = 0; i < keys * perKey; i++) {
      String dedupKey = "storm-" + (i % keys);
      statuses.add(senders.submit(() -> http.post("/v2/enqueue",
          trigger(key, dedupKey, "warning", "Queue depth high")).status()));
    }
    for (Future<Integer> status : statuses) {
      assertThat(status.get()).isEqualTo(202);
    }
    senders.shutdown();

    await().atMost(Duration.ofSeconds(30)).until(() ->
        alerts(serviceId).get("items").findValues("count").stream()
            .mapToLong(JsonNode::asLong).sum() == (long) keys * perKey);
    JsonNode page = alerts(serviceId);
    assertThat(page.get("total").asInt()).isEqualTo(keys);
    page.get("items").forEach(a -> assertThat(a.get("count").asLong()).isEqualTo(perKey));
    // repeats were batched: far fewer stored event rows (one per coalesced batch) than events
    long rows = jdbc.sql("SELECT count(*) FROM alert_event e JOIN alert_group g"
        + " ON g.id = e.alert_group_id WHERE g.service_id = :s")
        .param("s", serviceId).query(Long.class).single();
    assertThat(rows).isLessThan((long) keys * perKey);
  }
}
