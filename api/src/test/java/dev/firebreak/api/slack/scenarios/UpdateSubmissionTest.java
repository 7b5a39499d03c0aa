package dev.firebreak.api.slack.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.workflows.incident.messages.AddUpdate;
import dev.firebreak.workflows.incident.messages.ChangeDetails;
import dev.firebreak.workflows.incident.messages.ChangeRoles;
import dev.firebreak.workflows.incident.messages.ChangeStatus;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Status;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UpdateSubmissionTest {

  final BoltHarness bolt = new BoltHarness();
  final SlackStores stores = new SlackStores();
  final RecordingIncidents incidents = stores.incidents();

  @BeforeEach
  void app() {
    incidents.add(42, "Checkout down", Priority.P1, Status.INVESTIGATING);
    stores.users.create("Ann", "ann@x.test", "U0ANN", "UTC");
    bolt.with(new UpdateSubmission(incidents, stores.authors));
  }

  @AfterEach
  void close() {
    bolt.close();
  }

  /** The form as the update modal submits it: the incident's values unless changed. */
  static Map<String, JsonNode> form(String status, String priority, String title) {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    values.put("status", BoltHarness.selected(status));
    values.put("priority", BoltHarness.selected(priority));
    values.put("environment", BoltHarness.selected("PRD"));
    values.put("title", BoltHarness.text(title));
    return values;
  }

  @Test
  void sendsOnlyWhatChangedOneUpdatePerKindOnceForTheView() throws Exception {
    Map<String, JsonNode> values = form("MITIGATED", "P2", "Checkout slow");
    values.put("message", BoltHarness.text("rolled back"));
    values.put("commander", BoltHarness.user("U0ANN"));
    values.put("communication_lead", BoltHarness.user("UBOB"));
    assertThat(bolt.submit("incident_update", "V1", "42", values).getBody()).isNullOrEmpty();
    bolt.submit("incident_update", "V1", "42", values);

    assertThat(incidents.applied).containsExactly(
        new RecordingIncidents.Applied(42, "changeStatus", "slack-view-V1-V1-hash-status",
            new ChangeStatus(Status.MITIGATED, "rolled back", null, "u9")),
        new RecordingIncidents.Applied(42, "changeRoles", "slack-view-V1-V1-hash-roles",
            new ChangeRoles("Ann", "<@UBOB>", "u9")),
        new RecordingIncidents.Applied(42, "changeDetails", "slack-view-V1-V1-hash-details",
            new ChangeDetails("Checkout slow", null, Priority.P2, null, null, "u9")));
  }

  @Test
  void aMessageAloneIsATimelineUpdateAndNothingAtAllIsRefused() throws Exception {
    Map<String, JsonNode> values = form("INVESTIGATING", "P1", "Checkout down");
    JsonNode nothing = BoltHarness.json(bolt.submit("incident_update", "V2", "42", values));
    assertThat(nothing.get("errors").get("status").asText()).isEqualTo("Nothing to change");
    values.put("message", BoltHarness.text("still looking"));
    bolt.submit("incident_update", "V3", "42", values);
    assertThat(incidents.applied).containsExactly(new RecordingIncidents.Applied(42,
        "addUpdate", "slack-view-V3-V3-hash-update", new AddUpdate("still looking", "u9")));
  }

  @Test
  void aRefusalShowsUnderItsFieldAfterWhatWasApplied() throws Exception {
    incidents.refuse("changeRoles", "the commander must be a responder");
    Map<String, JsonNode> values = form("MITIGATED", "P1", "Checkout down");
    values.put("commander", BoltHarness.user("U0ANN"));
    JsonNode refused = BoltHarness.json(bolt.submit("incident_update", "V4", "42", values));
    assertThat(refused.get("response_action").asText()).isEqualTo("errors");
    assertThat(refused.get("errors").get("commander").asText())
        .isEqualTo("the commander must be a responder");
    assertThat(incidents.applied).extracting(RecordingIncidents.Applied::update)
        .containsExactly("changeStatus");
  }

  @Test
  void aTitleRefusalShowsUnderTheTitleAndAnOutageAsksToTryAgain() throws Exception {
    incidents.refuse("changeDetails", "a title is at most 200 characters");
    JsonNode refused = BoltHarness.json(bolt.submit("incident_update", "V5", "42",
        form("INVESTIGATING", "P1", "x".repeat(201))));
    assertThat(refused.get("errors").get("title").asText())
        .isEqualTo("a title is at most 200 characters");
    incidents.fail(new IllegalStateException("Temporal is unreachable"));
    JsonNode failed = BoltHarness.json(bolt.submit("incident_update", "V6", "42",
        form("MITIGATED", "P1", "Checkout down")));
    assertThat(failed.get("errors").get("status").asText())
        .isEqualTo("Firebreak could not apply the change right now; try again");
  }
}
