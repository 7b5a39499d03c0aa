package dev.firebreak.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What Temporal UI shows beside a workflow's id and type, read back through the Temporal client as
 * the UI reads it: the static summary and details of incidents, alert groups and heartbeat
 * monitors.
 */
class TemporalUiMetadataEndToEndTest extends EndToEndTest {

  static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();

  @Autowired WorkflowClient client;

  WorkflowExecutionDescription describe(String workflowId) {
    return client.newUntypedWorkflowStub(workflowId).describe();
  }

  @Test
  void incidentsAlertGroupsAndHeartbeatsSayWhatTheyAre() {
    long incident = create("/api/v1/incidents",
        "{\"title\":\"Checkout returns 500\",\"priority\":\"P1\",\"environment\":\"PRD\"}");
    WorkflowExecutionDescription described = describe("incident-" + incident);
    assertThat(described.getStaticSummary())
        .isEqualTo("P1 incident #" + incident + ": Checkout returns 500");
    assertThat(described.getStaticDetails())
        .startsWith("**Incident #" + incident + "** P1 in PRD")
        .contains("Checkout returns 500", "escalation-" + incident + "-<n>");

    Http.Response service = http.post("/api/v1/services", "{\"name\":\"Meta " + RUN + "\"}");
    assertThat(service.status()).as(service.body()).isEqualTo(201);
    long serviceId = service.json().get("id").asLong();
    assertThat(http.post("/v2/enqueue", AlertsEndToEndTest.trigger(
        service.json().get("integrationKey").asText(), "disk-full", "warning", "Disk full"))
        .status()).isEqualTo(202);
    JsonNode alert = await().atMost(Duration.ofSeconds(20)).until(
        () -> http.get("/api/v1/alerts?serviceId=" + serviceId).json().get("items"),
        items -> items.size() == 1).get(0);
    String alertWorkflow = http.get("/api/v1/alerts/" + alert.get("id").asLong()).json()
        .get("workflowId").asText();
    WorkflowExecutionDescription group = describe(alertWorkflow);
    assertThat(group.getStaticSummary())
        .isEqualTo("Alert group of service " + serviceId + ": disk-full");
    assertThat(group.getStaticDetails()).contains("dedup key `disk-full`");

    Http.Response heartbeat = http.post("/api/v1/heartbeats", """
        {"name": "nightly backup", "serviceId": %d, "intervalSeconds": 3600, "graceSeconds": 60}"""
        .formatted(serviceId));
    assertThat(heartbeat.status()).as(heartbeat.body()).isEqualTo(201);
    WorkflowExecutionDescription monitor =
        describe("heartbeat-" + heartbeat.json().get("key").asText());
    assertThat(monitor.getStaticSummary())
        .isEqualTo("Heartbeat 'nightly backup': a ping every 3600 s (+60 s grace)");
    assertThat(monitor.getStaticDetails()).contains("within 3660 s", "critical alert");
  }
}
