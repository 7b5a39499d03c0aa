package dev.firebreak.api.slack.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Status;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatusSubcommandTest {

  final BoltHarness bolt = new BoltHarness();
  final SlackStores stores = new SlackStores();
  final RecordingIncidents incidents = stores.incidents();

  @BeforeEach
  void app() {
    bolt.with(new IncidentCommand(bolt.settings, List.of(new StatusSubcommand(
        new IncidentTarget(incidents, stores.interactions), incidents))));
  }

  @AfterEach
  void close() {
    bolt.close();
  }

  @Test
  void inAnIncidentsChannelAnswersItsHeadline() throws Exception {
    Incident checkout = incidents.add(42, "Checkout down", Priority.P1, Status.INVESTIGATING);
    stores.channel(checkout, "C_INC42");
    assertThat(BoltHarness.json(bolt.command("status", "C_INC42")).get("text").asText())
        .isEqualTo("*#42 Checkout down*\nP1 · PRD · INVESTIGATING");
  }

  @Test
  void elsewhereListsTheOpenIncidentsMostSevereFirst() throws Exception {
    assertThat(BoltHarness.json(bolt.command("status", "C_GENERAL")).get("text").asText())
        .isEqualTo("No open incident.");
    incidents.add(41, "Old", Priority.P1, Status.CLOSED);
    incidents.add(42, "Search slow", Priority.P3, Status.OPEN);
    incidents.add(43, "Checkout down", Priority.P1, Status.MITIGATED);
    assertThat(BoltHarness.json(bolt.command("status", "C_GENERAL")).get("text").asText())
        .isEqualTo("*Open incidents*"
            + "\n*#43 Checkout down* — P1 · PRD · MITIGATED"
            + "\n*#42 Search slow* — P3 · PRD · OPEN");
  }
}
