package dev.firebreak.api.slack.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AppHomeOpenedTest {

  final BoltHarness bolt = new BoltHarness();
  final RecordingIncidents incidents = new RecordingIncidents();

  @BeforeEach
  void app() {
    bolt.with(new AppHomeOpened(incidents));
  }

  @AfterEach
  void close() {
    bolt.close();
  }

  static ObjectNode opened(String tab) {
    return FakeSlackApi.JSON.createObjectNode().put("type", "app_home_opened")
        .put("user", "U9").put("channel", "D1").put("tab", tab)
        .put("event_ts", "1700000002.000100");
  }

  @Test
  void publishesTheHomeWithTheOpenP1AndP2IncidentsAndTheirButtons() throws Exception {
    incidents.add(41, "Checkout down", Priority.P1, Status.INVESTIGATING);
    incidents.add(42, "Search slow", Priority.P3, Status.OPEN);
    incidents.add(43, "Login errors", Priority.P2, Status.OPEN);
    incidents.add(44, "Old outage", Priority.P1, Status.CLOSED);
    assertThat(bolt.event("Ev1", opened("home")).getStatusCode()).isEqualTo(200);

    assertThat(bolt.slack.calls("views.publish")).singleElement()
        .satisfies(call -> assertThat(call.get("user_id")).isEqualTo("U9"));
    String home = bolt.slack.views("views.publish").get(0).toString();
    assertThat(home).contains("*Open P1 and P2 incidents*", "*#41 Checkout down*",
        "*#43 Login errors*", "\"action_id\":\"home_open\"", "\"action_id\":\"home_update\"",
        "\"action_id\":\"home_close\"").doesNotContain("Search slow", "Old outage");
    assertThat(home.indexOf("#41")).isLessThan(home.indexOf("#43"));
  }

  @Test
  void withNoneItSaysSoAndTheMessagesTabIsLeftAlone() throws Exception {
    bolt.event("Ev2", opened("messages"));
    assertThat(bolt.slack.calls("views.publish")).isEmpty();
    bolt.event("Ev3", opened("home"));
    assertThat(bolt.slack.views("views.publish").get(0).toString())
        .contains("No open P1 or P2 incident.");
  }
}
