package dev.firebreak.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * Firebreak watching itself: with the setting on, the service and its heartbeat monitor are made
 * on start (once, however often it starts), the application pings it, and when the pinging stops
 * a critical alert opens on Firebreak's own service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "firebreak.self-heartbeat.enabled=true", "firebreak.self-heartbeat.service=Firebreak-Self",
    "firebreak.self-heartbeat.interval=2s", "firebreak.self-heartbeat.grace=1s"})
class SelfHeartbeatEndToEndTest extends EndToEndTest {

  @Autowired ApplicationContext context;

  @Test
  void theApplicationPingsItsOwnMonitorAndItsSilenceAlerts() {
    JsonNode service = StreamSupport.stream(http.get("/api/v1/services").json().spliterator(),
            false)
        .filter(s -> s.get("name").asText().equals("Firebreak-Self")).findFirst().orElseThrow();
    long serviceId = service.get("id").asLong();
    List<JsonNode> monitors = StreamSupport.stream(
            http.get("/api/v1/heartbeats").json().spliterator(), false)
        .filter(m -> m.get("serviceId").asLong() == serviceId).toList();
    assertThat(monitors).hasSize(1);
    JsonNode monitor = monitors.get(0);
    assertThat(monitor.get("name").asText()).isEqualTo("Firebreak self-heartbeat");
    assertThat(monitor.get("intervalSeconds").asInt()).isEqualTo(2);
    long id = monitor.get("id").asLong();

    // pinged again and again by the application itself
    Instant first = await().atMost(Duration.ofSeconds(10)).until(() -> lastPing(id),
        at -> at != null);
    await().atMost(Duration.ofSeconds(10)).until(() -> lastPing(id).isAfter(first));
    assertThat(http.get("/api/v1/alerts?serviceId=" + serviceId).json().get("items")).isEmpty();

    // a second start finds the same monitor
    Object selfHeartbeat = context.getBean("selfHeartbeat");
    dev.firebreak.activities.heartbeat.SelfHeartbeatAccess.ensure(selfHeartbeat);
    assertThat(StreamSupport.stream(http.get("/api/v1/heartbeats").json().spliterator(), false)
        .filter(m -> m.get("serviceId").asLong() == serviceId)).hasSize(1);

    // silence: as if every replica were gone
    dev.firebreak.activities.heartbeat.SelfHeartbeatAccess.stop(selfHeartbeat);
    JsonNode alert = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
        .until(() -> http.get("/api/v1/alerts?serviceId=" + serviceId).json().get("items"),
            items -> items.size() == 1).get(0);
    assertThat(alert.get("severity").asText()).isEqualTo("critical");
    assertThat(alert.get("summary").asText()).contains("Firebreak self-heartbeat");
    assertThat(http.get("/api/v1/heartbeats/" + id).json().get("status").asText())
        .isEqualTo("DOWN");
  }

  Instant lastPing(long id) {
    JsonNode at = http.get("/api/v1/heartbeats/" + id).json().get("lastPingAt");
    return at == null || at.isNull() ? null : Instant.parse(at.asText());
  }
}
