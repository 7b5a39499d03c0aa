package dev.firebreak.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.sdk.v1.WorkflowMetadata;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.common.converter.DefaultDataConverter;
import java.time.Duration;
import java.util.List;
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

  /** What Temporal UI reads as a running workflow's current details: its metadata query. */
  String currentDetails(String workflowId) {
    return client.newUntypedWorkflowStub(workflowId)
        .query("__temporal_workflow_metadata", WorkflowMetadata.class).getCurrentDetails();
  }

  @Test
  void anEscalationSaysItsStepWhoWasPagedAndTheNextPage() {
    String slackId = "U0META" + RUN;
    long ann = create("/api/v1/users", "{\"name\":\"Meta-Ann\",\"email\":\"meta-ann" + RUN
        + "@meta.test\",\"slackUserId\":\"" + slackId + "\"}");
    long bob = create("/api/v1/users", "{\"name\":\"Meta-Bob\",\"email\":\"meta-bob" + RUN
        + "@meta.test\"}");
    long policy = create("/api/v1/escalation-policies", """
        {"name": "Meta %s", "repeat": 1,
         "steps": [{"delayMinutes": 30, "targets": [{"type": "user", "id": %d}]},
                   {"delayMinutes": 10, "targets": [{"type": "user", "id": %d}]}]}"""
        .formatted(RUN, ann, bob));
    long service = create("/api/v1/services",
        "{\"name\":\"Meta paging " + RUN + "\",\"escalationPolicyId\":" + policy + "}");
    long incident = create("/api/v1/incidents", "{\"title\":\"Search is slow\","
        + "\"priority\":\"P2\",\"serviceId\":" + service + "}");
    await().atMost(Duration.ofSeconds(30))
        .until(() -> FakeSlack.shared().messagesTo(slackId).size() == 1);

    String escalation = "escalation-" + incident + "-1";
    String details = await().atMost(Duration.ofSeconds(20))
        .until(() -> currentDetails(escalation), d -> d.contains("paged: Meta-Ann"));
    assertThat(details)
        .contains("**Paging** incident #" + incident + " with \"Meta " + RUN + "\": step 1 of 2,"
            + " round 1 of 2")
        .contains("- paged: Meta-Ann via slack")
        .containsPattern("- next: step 2, round 1 at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC,"
            + " to user " + bob);
    assertThat(describe(escalation).getStaticSummary())
        .isEqualTo("Escalation 1 of P2 incident #" + incident + " (policy " + policy + ")");
    // the page's activity carries its summary, as Temporal UI shows it in the event history
    List<String> summaries = client.fetchHistory(escalation).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
        .filter(e -> e.getUserMetadata().hasSummary())
        .map(e -> DefaultDataConverter.STANDARD_INSTANCE.fromPayload(
            e.getUserMetadata().getSummary(), String.class, String.class))
        .toList();
    assertThat(summaries).contains("page Meta-Ann (step 1, round 1)");
    assertThat(currentDetails("incident-" + incident))
        .startsWith("**P2 · OPEN** · incident #" + incident + ": Search is slow")
        .contains("- commander: nobody yet");
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
    assertThat(currentDetails(alertWorkflow))
        .startsWith("**TRIGGERED** · 1 event · warning: Disk full").contains("- incident: none");

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
