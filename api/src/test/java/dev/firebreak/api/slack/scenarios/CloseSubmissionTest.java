package dev.firebreak.api.slack.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.bolt.response.Response;
import dev.firebreak.workflows.incident.messages.ChangeStatus;
import dev.firebreak.workflows.incident.messages.ClosureReason;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Status;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CloseSubmissionTest {

  final BoltHarness bolt = new BoltHarness();
  final SlackStores stores = new SlackStores();
  final RecordingIncidents incidents = stores.incidents();

  @BeforeEach
  void app() {
    incidents.add(42, "Checkout down", Priority.P1, Status.INVESTIGATING);
    bolt.with(new CloseSubmission(incidents, stores.authors));
  }

  @AfterEach
  void close() {
    bolt.close();
  }

  @Test
  void closesWithTheReasonAndMessageOnceForTheView() throws Exception {
    Map<String, JsonNode> values = Map.of(
        "closure_reason", BoltHarness.selected(ClosureReason.values()[0].name()),
        "message", BoltHarness.text("false alarm"));
    Response closed = bolt.submit("incident_close", "V1", "42", values);
    bolt.submit("incident_close", "V1", "42", values);
    assertThat(closed.getStatusCode()).isEqualTo(200);
    assertThat(closed.getBody()).isNullOrEmpty();
    assertThat(incidents.applied).containsExactly(new RecordingIncidents.Applied(42,
        "changeStatus", "slack-view-V1-V1-hash", new ChangeStatus(Status.CLOSED, "false alarm",
            ClosureReason.values()[0], "u9")));
  }

  @Test
  void theLifecyclesRefusalShowsUnderTheReason() throws Exception {
    incidents.refuse("changeStatus", "a closure reason is needed before MITIGATED");
    JsonNode refused = BoltHarness.json(bolt.submit("incident_close", "V2", "42", Map.of()));
    assertThat(refused.get("response_action").asText()).isEqualTo("errors");
    assertThat(refused.get("errors").get("closure_reason").asText())
        .isEqualTo("a closure reason is needed before MITIGATED");
  }

  @Test
  void anOutageAsksToTryAgain() throws Exception {
    incidents.fail(new IllegalStateException("Temporal is unreachable"));
    JsonNode failed = BoltHarness.json(bolt.submit("incident_close", "V3", "42", Map.of()));
    assertThat(failed.get("errors").get("closure_reason").asText())
        .isEqualTo("Firebreak could not close the incident right now; try again");
  }
}
