package dev.firebreak.api.slack.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.workflows.incident.messages.ChangeStatus;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResolveButtonTest {

  final BoltHarness bolt = new BoltHarness();
  final SlackStores stores = new SlackStores();
  final RecordingIncidents incidents = stores.incidents();

  @BeforeEach
  void app() {
    incidents.add(42, "Checkout down", Priority.P1, Status.OPEN);
    bolt.with(new ResolveButton(incidents, stores.authors));
  }

  @AfterEach
  void close() {
    bolt.close();
  }

  @Test
  void marksTheIncidentMitigatedOnceForTheClick() throws Exception {
    stores.users.create("Ann", "ann@x.test", "U0ANN", "UTC");
    assertThat(bolt.click("incident_resolve", "42", "U0ANN").getStatusCode()).isEqualTo(200);
    bolt.click("incident_resolve", "42", "U0ANN");
    assertThat(incidents.applied).containsExactly(new RecordingIncidents.Applied(42,
        "changeStatus", "slack-resolve-U0ANN-1700000001.000200",
        new ChangeStatus(Status.MITIGATED, "Resolved from Slack by Ann", null, "Ann")));
    assertThat(bolt.slack.replies().get(0).get("text").asText())
        .isEqualTo(":white_check_mark: Ann marked incident #42 MITIGATED.");
  }

  @Test
  void aRefusalIsShownToTheClicker() throws Exception {
    incidents.refuse("changeStatus", "incident 42 is CLOSED");
    bolt.click("incident_resolve", "42", "UBOB");
    assertThat(incidents.applied).isEmpty();
    assertThat(bolt.slack.replies()).singleElement().satisfies(reply -> assertThat(
        reply.get("text").asText()).isEqualTo(":warning: Incident #42: incident 42 is CLOSED"));
  }
}
