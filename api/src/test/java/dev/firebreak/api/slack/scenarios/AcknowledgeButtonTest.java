package dev.firebreak.api.slack.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.workflows.incident.messages.Acknowledge;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AcknowledgeButtonTest {

  final BoltHarness bolt = new BoltHarness();
  final SlackStores stores = new SlackStores();
  final RecordingIncidents incidents = stores.incidents();

  @BeforeEach
  void app() {
    incidents.add(42, "Checkout down", Priority.P1, Status.OPEN);
    bolt.with(new AcknowledgeButton(incidents, stores.authors));
  }

  @AfterEach
  void close() {
    bolt.close();
  }

  @Test
  void acknowledgesAsTheKnownUserOnceForTheClick() throws Exception {
    long ann = stores.users.create("Ann", "ann@x.test", "U0ANN", "UTC").id();
    assertThat(bolt.click("incident_acknowledge", "42", "U0ANN").getStatusCode()).isEqualTo(200);
    bolt.click("incident_acknowledge", "42", "U0ANN");
    assertThat(incidents.applied).containsExactly(new RecordingIncidents.Applied(42,
        "acknowledge", "slack-ack-U0ANN-1700000001.000200", new Acknowledge(ann, "Ann")));
    assertThat(bolt.slack.replies().get(0).get("text").asText())
        .isEqualTo(":white_check_mark: Ann acknowledged incident #42: paging stopped.");
  }

  @Test
  void aStrangerIsNamedBySlackAndARefusalIsShown() throws Exception {
    incidents.refuse("acknowledge", "incident 42 is CLOSED");
    bolt.click("incident_acknowledge", "42", "UBOB");
    bolt.click("incident_acknowledge", "7", "UBOB");
    assertThat(incidents.applied).isEmpty();
    assertThat(bolt.slack.replies()).extracting(reply -> reply.get("text").asText())
        .containsExactly(":warning: Incident #42: incident 42 is CLOSED",
            ":warning: Incident #7: incident 7 not found");
  }
}
