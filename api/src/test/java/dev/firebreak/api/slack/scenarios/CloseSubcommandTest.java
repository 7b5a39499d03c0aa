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

class CloseSubcommandTest {

  final BoltHarness bolt = new BoltHarness();
  final SlackStores stores = new SlackStores();
  final RecordingIncidents incidents = stores.incidents();

  @BeforeEach
  void app() {
    Incident checkout = incidents.add(42, "Checkout down", Priority.P1, Status.INVESTIGATING);
    stores.channel(checkout, "C_INC42");
    bolt.with(new IncidentCommand(bolt.settings, List.of(
        new CloseSubcommand(new IncidentTarget(incidents, stores.interactions)))));
  }

  @AfterEach
  void close() {
    bolt.close();
  }

  @Test
  void opensTheCloseFormWhichAsksForAReasonBeforeMitigation() throws Exception {
    assertThat(bolt.command("close", "C_INC42").getStatusCode()).isEqualTo(200);
    JsonNode view = bolt.slack.views("views.open").get(0);
    assertThat(view.get("callback_id").asText()).isEqualTo("incident_close");
    assertThat(view.get("private_metadata").asText()).isEqualTo("42");
    assertThat(view.toString()).contains("closing needs a closure reason",
        "\"block_id\":\"closure_reason\"");
  }

  @Test
  void outsideAnIncidentsChannelItSaysHow() throws Exception {
    assertThat(BoltHarness.json(bolt.command("/firebreak", "close", "C_GENERAL")).get("text")
        .asText()).isEqualTo(":warning: This channel is not an incident's channel: run"
            + " `/firebreak close <id>` or run it in the incident's channel.");
    assertThat(bolt.slack.calls("views.open")).isEmpty();
  }
}
