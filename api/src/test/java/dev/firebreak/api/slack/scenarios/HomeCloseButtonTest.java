package dev.firebreak.api.slack.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HomeCloseButtonTest {

  final BoltHarness bolt = new BoltHarness();
  final RecordingIncidents incidents = new RecordingIncidents();

  @BeforeEach
  void app() {
    incidents.add(42, "Checkout down", Priority.P1, Status.INVESTIGATING);
    bolt.with(new HomeCloseButton(incidents));
  }

  @AfterEach
  void close() {
    bolt.close();
  }

  @Test
  void opensTheCloseFormOfTheButtonsIncident() throws Exception {
    assertThat(bolt.click("home_close", "42", "U9").getStatusCode()).isEqualTo(200);
    assertThat(bolt.slack.calls("views.open").get(0).get("trigger_id")).isEqualTo("trigger-1");
    JsonNode view = bolt.slack.views("views.open").get(0);
    assertThat(view.get("callback_id").asText()).isEqualTo("incident_close");
    assertThat(view.get("private_metadata").asText()).isEqualTo("42");
  }

  @Test
  void anIncidentGoneSinceTheHomeWasDrawnOpensNothing() throws Exception {
    assertThat(bolt.click("home_close", "7", "U9").getStatusCode()).isEqualTo(200);
    assertThat(bolt.slack.calls("views.open")).isEmpty();
  }
}
