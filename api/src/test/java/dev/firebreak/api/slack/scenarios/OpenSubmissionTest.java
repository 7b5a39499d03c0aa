package dev.firebreak.api.slack.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.bolt.response.Response;
import dev.firebreak.workflows.incident.messages.Environment;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.Priority;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenSubmissionTest {

  final BoltHarness bolt = new BoltHarness();
  final SlackStores stores = new SlackStores();
  final RecordingIncidents incidents = stores.incidents();

  @BeforeEach
  void app() {
    bolt.with(new OpenSubmission(incidents, stores.interactions, stores.authors));
  }

  @AfterEach
  void close() {
    bolt.close();
  }

  static Map<String, JsonNode> form(String title) {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    values.put("title", BoltHarness.text(title));
    values.put("description", BoltHarness.text("seen from Slack"));
    values.put("priority", BoltHarness.selected("P1"));
    values.put("environment", BoltHarness.selected("STG"));
    values.put("category", BoltHarness.text("payments"));
    values.put("private", BoltHarness.checked("private"));
    return values;
  }

  @Test
  void opensTheIncidentOnceAndTurnsTheModalIntoItsHeadline() throws Exception {
    stores.users.create("Alice Example", "alice@x.test", "U9", "UTC");
    Response first = bolt.submit("incident_open", "V1", null, form("Checkout down"));
    Response retry = bolt.submit("incident_open", "V1", null, form("Checkout down"));

    assertThat(incidents.opened).hasSize(1);
    Incident opened = incidents.opened.get(0);
    assertThat(opened.title()).isEqualTo("Checkout down");
    assertThat(opened.description()).isEqualTo("seen from Slack");
    assertThat(opened.priority()).isEqualTo(Priority.P1);
    assertThat(opened.environment()).isEqualTo(Environment.STG);
    assertThat(opened.category()).isEqualTo("payments");
    assertThat(opened.privateIncident()).isTrue();
    assertThat(opened.createdBy()).isEqualTo("Alice Example");
    assertThat(stores.slack.openerOf(opened.id())).contains("U9");
    JsonNode answer = BoltHarness.json(first);
    assertThat(answer.get("response_action").asText()).isEqualTo("update");
    assertThat(answer.get("view").toString()).contains("*#" + opened.id() + " Checkout down*",
        "Its channel is being created; you will be invited.");
    assertThat(retry.getStatusCode()).isEqualTo(200);
    assertThat(retry.getBody()).isNullOrEmpty();
  }

  @Test
  void aTitleIsRequiredAndDefaultsFillTheRest() throws Exception {
    JsonNode missing = BoltHarness.json(bolt.submit("incident_open", "V2", null, Map.of()));
    assertThat(missing.get("response_action").asText()).isEqualTo("errors");
    assertThat(missing.get("errors").get("title").asText()).isEqualTo("A title is required");
    assertThat(incidents.opened).isEmpty();

    bolt.submit("incident_open", "V3", null, Map.of("title", BoltHarness.text(" Slow ")));
    Incident opened = incidents.opened.get(0);
    assertThat(opened.title()).isEqualTo("Slow");
    assertThat(opened.priority()).isEqualTo(Priority.P3);
    assertThat(opened.environment()).isEqualTo(Environment.PRD);
    assertThat(opened.privateIncident()).isFalse();
    assertThat(opened.createdBy()).isEqualTo("u9");
  }

  @Test
  void aFailureAsksToTryAgainAndTheRetryOpensIt() throws Exception {
    incidents.fail(new IllegalStateException("Temporal is unreachable"));
    JsonNode failed = BoltHarness.json(bolt.submit("incident_open", "V4", null, form("Down")));
    assertThat(failed.get("errors").get("title").asText())
        .isEqualTo("Firebreak could not open the incident right now; try again");
    incidents.fail(null);
    JsonNode retried = BoltHarness.json(bolt.submit("incident_open", "V4", null, form("Down")));
    assertThat(retried.get("response_action").asText()).isEqualTo("update");
    assertThat(incidents.opened).hasSize(1);
  }
}
