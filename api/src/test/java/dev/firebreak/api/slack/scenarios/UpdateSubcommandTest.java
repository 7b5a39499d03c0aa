package dev.firebreak.api.slack.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Status;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UpdateSubcommandTest {

  final BoltHarness bolt = new BoltHarness();
  final SlackStores stores = new SlackStores();
  final RecordingIncidents incidents = stores.incidents();
  Incident checkout;

  @BeforeEach
  void app() {
    checkout = incidents.add(42, "Checkout down", Priority.P1, Status.INVESTIGATING);
    incidents.add(43, "Search slow", Priority.P3, Status.OPEN);
    stores.channel(checkout, "C_INC42");
    bolt.with(new IncidentCommand(bolt.settings, List.of(
        new UpdateSubcommand(new IncidentTarget(incidents, stores.interactions)))));
  }

  @AfterEach
  void close() {
    bolt.close();
  }

  @Test
  void inAnIncidentsChannelOpensThatIncidentsUpdateForm() throws Exception {
    assertThat(bolt.command("update", "C_INC42").getStatusCode()).isEqualTo(200);
    JsonNode view = bolt.slack.views("views.open").get(0);
    assertThat(view.get("callback_id").asText()).isEqualTo("incident_update");
    assertThat(view.get("private_metadata").asText()).isEqualTo("42");
    assertThat(view.get("title").get("text").asText()).isEqualTo("Update incident #42");
    assertThat(bolt.slack.calls("views.open").get(0).get("trigger_id")).isEqualTo("trigger-1");
  }

  @Test
  void aNumberNamesAnotherIncident() throws Exception {
    bolt.command("update #43", "C_INC42");
    assertThat(bolt.slack.views("views.open").get(0).get("private_metadata").asText())
        .isEqualTo("43");
  }

  @Test
  void elsewhereOrWithABadNumberItSaysWhatToDoAndOpensNothing() throws Exception {
    assertThat(BoltHarness.json(bolt.command("update", "C_GENERAL")).get("text").asText())
        .isEqualTo(":warning: This channel is not an incident's channel: run"
            + " `/incident update <id>` or run it in the incident's channel.");
    assertThat(BoltHarness.json(bolt.command("update abc", "C_GENERAL")).get("text").asText())
        .isEqualTo(":warning: `abc` is not an incident number");
    assertThat(BoltHarness.json(bolt.command("update 7", "C_GENERAL")).get("text").asText())
        .isEqualTo(":warning: incident 7 not found");
    assertThat(bolt.slack.calls("views.open")).isEmpty();
  }
}
