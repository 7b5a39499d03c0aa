package dev.firebreak.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.activities.alert.AlertActivitiesImpl;
import dev.firebreak.activities.alert.AlertDispatcher;
import dev.firebreak.workflows.Retries;
import dev.firebreak.workflows.alert.messages.AlertAction;
import dev.firebreak.workflows.alert.messages.AlertBatch;
import dev.firebreak.workflows.alert.messages.AlertEvent;
import dev.firebreak.workflows.incident.messages.Priority;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A poison event in the middle of a storm on one key, on the real dev server and PostgreSQL: the
 * store refuses it for good, the workflow quarantines it and goes on, every good event counts
 * once, and {@code GET /api/v1/alerts/{id}} shows the quarantined event with its reason. The
 * poison is handed to the dispatcher (the layer behind the edge) because the edge refuses such
 * text itself: the workflow must survive what got past it anyway (older or future edges, other
 * fields).
 */
class PoisonEventEndToEndTest extends EndToEndTest {

  @Autowired AlertDispatcher dispatcher;
  @Autowired MeterRegistry meters;

  static String trigger(String routingKey, String dedupKey) {
    return """
        {"routing_key": "%s", "dedup_key": "%s", "event_action": "trigger",
         "payload": {"summary": "Disk full on db-1", "source": "db-1", "severity": "info"}}"""
        .formatted(routingKey, dedupKey);
  }

  static AlertBatch poison(String summary) {
    Instant now = Instant.now();
    return new AlertBatch(UUID.randomUUID().toString(), List.of(new AlertEvent(AlertAction.TRIGGER,
        1, summary, "db-1", "info", null, now, now, "{\"note\":\"nul \\u0000 here\"}")));
  }

  long serviceWithKey(String[] key) {
    Http.Response created = http.post("/api/v1/services",
        "{\"name\":\"Poison-" + ThreadLocalRandom.current().nextInt(1_000_000) + "\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    key[0] = created.json().get("integrationKey").asText();
    return created.json().get("id").asLong();
  }

  double quarantinedSoFar() {
    var counter = meters.find(AlertActivitiesImpl.QUARANTINED_METRIC).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void aPoisonEventInAStormIsQuarantinedAndTheGroupGoesOn() throws Exception {
    String[] key = new String[1];
    long serviceId = serviceWithKey(key);
    double quarantinedBefore = quarantinedSoFar();
    int good = 80;
    // the storm's first event opens the group; the poison comes amid the rest
    assertThat(http.post("/v2/enqueue", trigger(key[0], "storm")).status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/v1/alerts?serviceId="
        + serviceId).json().get("total").asInt() == 1);
    ExecutorService senders = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> sent = new ArrayList<>();
      for (int i = 1; i < good; i++) {
        sent.add(senders.submit(() -> http.post("/v2/enqueue", trigger(key[0], "storm")).status()));
        if (i == good / 2) {
          assertThat(dispatcher.dispatch(serviceId, "storm", poison("Disk\u0000full"))).isTrue();
        }
      }
      for (Future<Integer> status : sent) {
        assertThat(status.get()).isEqualTo(202);
      }
    } finally {
      senders.shutdown();
    }

    JsonNode alert = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .until(() -> http.get("/api/v1/alerts?serviceId=" + serviceId).json().get("items"),
            items -> items.size() == 1 && items.get(0).get("count").asLong() == good)
        .get(0);
    long id = alert.get("id").asLong();
    JsonNode detail = await().atMost(Duration.ofSeconds(20))
        .until(() -> http.get("/api/v1/alerts/" + id).json(),
            d -> d.get("quarantined").size() == 1);
    JsonNode kept = detail.get("quarantined").get(0);
    assertThat(kept.get("reason").asText()).startsWith(Retries.PERMANENT_DATA_ERROR)
        .contains("SQLState 22");
    assertThat(kept.get("groupId").asLong()).isEqualTo(id);
    assertThat(kept.get("dedupKey").asText()).isEqualTo("storm");
    assertThat(kept.get("event").asText()).contains("Disk\\u0000full").doesNotContain("\u0000");
    assertThat(detail.get("summary").asText()).isEqualTo("Disk full on db-1");
    assertThat(detail.get("events").findValues("count").stream().mapToInt(JsonNode::asInt).sum())
        .isEqualTo(good);
    assertThat(quarantinedSoFar() - quarantinedBefore).isEqualTo(1.0);

    // the group goes on: an acknowledge and a resolve after the poison still reach it
    assertThat(http.post("/v2/enqueue", """
        {"routing_key": "%s", "dedup_key": "storm", "event_action": "acknowledge"}"""
        .formatted(key[0])).status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/v1/alerts/" + id).json()
        .get("status").asText().equals("ACKNOWLEDGED"));
    assertThat(http.post("/v2/enqueue", """
        {"routing_key": "%s", "dedup_key": "storm", "event_action": "resolve"}"""
        .formatted(key[0])).status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/v1/alerts/" + id).json()
        .get("status").asText().equals("RESOLVED"));
    assertThat(http.get("/api/v1/alerts/" + id).json().get("count").asLong()).isEqualTo(good);
  }

  @Test
  void aFingerprintTooLongForTheStoreIsQuarantinedWithoutAGroup() {
    String[] key = new String[1];
    long serviceId = serviceWithKey(key);
    String fingerprint = "f".repeat(300);
    assertThat(dispatcher.dispatch(serviceId, fingerprint, poison("Disk full"))).isTrue();

    JsonNode kept = await().atMost(Duration.ofSeconds(20))
        .until(() -> http.get("/api/v1/alerts/quarantined?serviceId=" + serviceId).json(),
            list -> list.size() == 1)
        .get(0);
    assertThat(kept.get("dedupKey").asText()).isEqualTo(fingerprint);
    assertThat(kept.get("groupId").isNull()).isTrue();
    assertThat(kept.get("reason").asText()).startsWith(Retries.PERMANENT_DATA_ERROR)
        .contains("SQLState 22001");
    assertThat(http.get("/api/v1/alerts?serviceId=" + serviceId).json().get("total").asInt())
        .isZero();
  }
}
