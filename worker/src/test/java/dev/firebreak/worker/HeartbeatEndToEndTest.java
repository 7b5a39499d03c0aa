package dev.firebreak.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** A heartbeat monitor in real time on the dev server: silence alerts, a ping resolves. */
class HeartbeatEndToEndTest extends EndToEndTest {

  @Test
  void aSilentJobTriggersAnAlertAndTheNextPingResolvesIt() {
    JsonNode service = http.post("/api/v1/services",
        "{\"name\":\"Backups-" + ThreadLocalRandom.current().nextInt(1_000_000) + "\"}").json();
    long serviceId = service.get("id").asLong();
    Http.Response created = http.post("/api/v1/heartbeats", """
        {"name": "nightly backup", "serviceId": %d, "intervalSeconds": 2, "graceSeconds": 1}"""
        .formatted(serviceId));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode monitor = created.json();
    String key = monitor.get("key").asText();
    assertThat(key).matches("[0-9a-f]{32}");
    assertThat(monitor.get("pingUrl").asText()).endsWith("/api/v1/heartbeats/" + key + "/ping");

    assertThat(http.get("/api/v1/heartbeats/" + key + "/ping").status()).isEqualTo(200);
    assertThat(http.post("/api/v1/heartbeats/" + key + "/ping", "").status()).isEqualTo(200);

    JsonNode alert = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
        .until(() -> http.get("/api/v1/alerts?serviceId=" + serviceId).json().get("items"),
            items -> items.size() == 1).get(0);
    assertThat(alert.get("dedupKey").asText()).contains(key);
    assertThat(alert.get("severity").asText()).isEqualTo("critical");
    assertThat(alert.get("summary").asText()).contains("nightly backup");
    assertThat(http.get("/api/v1/heartbeats/" + monitor.get("id").asLong()).json()
        .get("status").asText()).isEqualTo("DOWN");

    http.post("/api/v1/heartbeats/" + key + "/ping", "");
    await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/v1/alerts/"
        + alert.get("id").asLong()).json().get("status").asText().equals("RESOLVED"));

    long id = monitor.get("id").asLong();
    assertThat(http.post("/api/v1/heartbeats/" + id + "/mute", "{\"muted\":true}").json()
        .get("muted").asBoolean()).isTrue();
    assertThat(http.delete("/api/v1/heartbeats/" + id).status()).isEqualTo(204);
    assertThat(http.get("/api/v1/heartbeats/" + key + "/ping").status()).isEqualTo(404);
    assertProblem(http.post("/api/v1/heartbeats", "{\"name\":\"x\",\"serviceId\":999999,"
        + "\"intervalSeconds\":0}"), 400, "fields are invalid");
  }
}
