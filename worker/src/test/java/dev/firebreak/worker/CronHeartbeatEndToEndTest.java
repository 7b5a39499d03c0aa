package dev.firebreak.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A heartbeat on a cron through the API: stored with its cron and zone, its workflow started;
 * a wrong cron, zone, or a cron with an interval refused with the field named. (The due time
 * across a daylight-saving change is shown on the time-skipping server, CronHeartbeatWorkflowTest.)
 */
class CronHeartbeatEndToEndTest extends EndToEndTest {

  @Test
  void aCronMonitorIsCreatedAndBadCronsAreRefused() {
    long serviceId = http.post("/api/v1/services", "{\"name\":\"Nightly-"
        + ThreadLocalRandom.current().nextInt(1_000_000) + "\"}").json().get("id").asLong();
    Http.Response created = http.post("/api/v1/heartbeats", """
        {"name": "nightly backup", "serviceId": %d, "cron": "0 2 * * *",
         "timeZone": "Europe/Paris", "graceSeconds": 1800}""".formatted(serviceId));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode monitor = created.json();
    assertThat(monitor.get("cron").asText()).isEqualTo("0 2 * * *");
    assertThat(monitor.get("timeZone").asText()).isEqualTo("Europe/Paris");
    assertThat(monitor.has("intervalSeconds")).isFalse();
    String key = monitor.get("key").asText();
    assertThat(http.post("/api/v1/heartbeats/" + key + "/ping", "").status()).isEqualTo(200);
    assertThat(http.get("/api/v1/heartbeats/" + monitor.get("id").asLong()).json()
        .get("status").asText()).isEqualTo("UP");

    Http.Response bad = http.post("/api/v1/heartbeats", """
        {"name": "x", "serviceId": %d, "cron": "61 2 * * *", "timeZone": "Mars/Base"}"""
        .formatted(serviceId));
    assertProblem(bad, 400, "fields are invalid");
    assertThat(bad.body()).contains("\"cron\"").contains("Mars/Base");
    Http.Response both = http.post("/api/v1/heartbeats", """
        {"name": "x", "serviceId": %d, "cron": "0 2 * * *", "timeZone": "UTC",
         "intervalSeconds": 60}""".formatted(serviceId));
    assertProblem(both, 400, "cron: give intervalSeconds or cron, not both");
  }
}
