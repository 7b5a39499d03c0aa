package dev.firebreak.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A maintenance window on the real dev server: a critical alert during it is accepted and
 * recorded, opens no incident and is marked in maintenance; still firing when the window ends,
 * it opens its incident then, on the alert group's own Temporal timer. An alert on another
 * service opens its incident at once.
 */
class MaintenanceEndToEndTest extends EndToEndTest {

  JsonNode newService(String name) {
    return http.post("/api/v1/services", "{\"name\":\"" + name + "-"
        + ThreadLocalRandom.current().nextInt(1_000_000) + "\"}").json();
  }

  static String trigger(String routingKey, String dedupKey) {
    return """
        {"routing_key": "%s", "dedup_key": "%s", "event_action": "trigger",
         "payload": {"summary": "Disk full", "source": "db-1", "severity": "critical"}}"""
        .formatted(routingKey, dedupKey);
  }

  JsonNode alert(long serviceId) {
    return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
        .until(() -> http.get("/api/v1/alerts?serviceId=" + serviceId).json().get("items"),
            items -> items.size() == 1).get(0);
  }

  @Test
  void anAlertDuringMaintenanceOpensItsIncidentOnlyWhenTheWindowEnds() {
    JsonNode service = newService("Database");
    long serviceId = service.get("id").asLong();
    String key = service.get("integrationKey").asText();
    Instant end = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.MILLIS);
    Http.Response opened = http.post("/api/v1/services/" + serviceId + "/maintenance",
        "{\"end\":\"" + end + "\",\"reason\":\"disk swap\"}");
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    assertThat(http.get("/api/v1/services/" + serviceId + "/maintenance").json()).hasSize(1);

    assertThat(http.post("/v2/enqueue", trigger(key, "disk")).status()).isEqualTo(202);
    long alertId = alert(serviceId).get("id").asLong();
    JsonNode held = await().atMost(Duration.ofSeconds(20)).until(
        () -> http.get("/api/v1/alerts/" + alertId).json(),
        a -> a.hasNonNull("inMaintenanceUntil"));
    assertThat(Instant.parse(held.get("inMaintenanceUntil").asText())).isEqualTo(end);
    assertThat(held.get("incidentId").isNull()).isTrue();
    assertThat(held.get("events")).hasSize(1);

    // another service, not in maintenance, opens its incident at once
    JsonNode other = newService("Web");
    http.post("/v2/enqueue", trigger(other.get("integrationKey").asText(), "disk"));
    await().atMost(Duration.ofSeconds(20)).until(() -> !alert(other.get("id").asLong())
        .get("incidentId").isNull());
    assertThat(Instant.now()).isBefore(end);
    assertThat(http.get("/api/v1/alerts/" + alertId).json().get("incidentId").isNull()).isTrue();

    // still firing when the window ends: the incident opens then
    JsonNode after = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .until(() -> http.get("/api/v1/alerts/" + alertId).json(),
            a -> !a.get("incidentId").isNull());
    assertThat(Instant.now()).isAfterOrEqualTo(end);
    assertThat(after.hasNonNull("inMaintenanceUntil")).isFalse();
    assertThat(http.get("/api/v1/incidents/" + after.get("incidentId").asLong()).json()
        .get("serviceId").asLong()).isEqualTo(serviceId);

    assertProblem(http.post("/api/v1/services/" + serviceId + "/maintenance",
        "{\"end\":\"2020-01-01T00:00:00Z\",\"reason\":\"\"}"), 400, "fields are invalid");
  }
}
