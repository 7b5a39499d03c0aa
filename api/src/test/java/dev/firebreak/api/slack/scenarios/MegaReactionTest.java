package dev.firebreak.api.slack.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.workflows.incident.messages.AddUpdate;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MegaReactionTest {

  final BoltHarness bolt = new BoltHarness();
  final SlackStores stores = new SlackStores();
  final RecordingIncidents incidents = stores.incidents();

  @BeforeEach
  void app() {
    Incident checkout = incidents.add(42, "Checkout down", Priority.P1, Status.INVESTIGATING);
    stores.channel(checkout, "C_INC42");
    stores.users.create("Ann", "ann@x.test", "U0ANN", "UTC");
    bolt.slack.answer("conversations.history", "{\"ok\":true,\"messages\":[{\"type\":\"message\","
        + "\"user\":\"U0BOB\",\"text\":\"the db is back\",\"ts\":\"1700000000.000100\"}]}");
    bolt.with(new MegaReaction(stores.interactions, incidents, stores.authors));
  }

  @AfterEach
  void close() {
    bolt.close();
  }

  static ObjectNode reaction(String reaction, String channel) {
    ObjectNode event = FakeSlackApi.JSON.createObjectNode();
    event.put("type", "reaction_added").put("user", "U0ANN").put("reaction", reaction)
        .put("item_user", "U0BOB").put("event_ts", "1700000002.000100");
    event.putObject("item").put("type", "message").put("channel", channel)
        .put("ts", "1700000000.000100");
    return event;
  }

  @Test
  void addsTheMessageToTheTimelineOnceDespiteSlacksRetries() throws Exception {
    assertThat(bolt.event("Ev1", reaction("mega", "C_INC42")).getStatusCode()).isEqualTo(200);
    bolt.event("Ev1", reaction("mega", "C_INC42"));
    assertThat(bolt.slack.calls("conversations.history")).singleElement().satisfies(call -> {
      assertThat(call.get("channel")).isEqualTo("C_INC42");
      assertThat(call.get("latest")).isEqualTo("1700000000.000100");
      assertThat(call.get("inclusive")).isEqualTo("1");
    });
    assertThat(incidents.applied).containsExactly(new RecordingIncidents.Applied(42,
        "addUpdate", "slack-mega-C_INC42-1700000000.000100",
        new AddUpdate("the db is back (message by <@U0BOB>)", "Ann")));
  }

  @Test
  void otherReactionsAndOtherChannelsAreIgnored() throws Exception {
    bolt.event("Ev2", reaction("tada", "C_INC42"));
    bolt.event("Ev3", reaction("mega", "C_GENERAL"));
    assertThat(bolt.slack.calls("conversations.history")).isEmpty();
    assertThat(incidents.applied).isEmpty();
  }

  @Test
  void aFailureForgetsTheDeliverySoThatSlacksRetryAddsIt() throws Exception {
    incidents.fail(new IllegalStateException("Temporal is unreachable"));
    // the failure reaches the controller, which answers 500: Slack retries the event
    assertThatThrownBy(() -> bolt.event("Ev4", reaction("mega", "C_INC42")))
        .hasMessage("Temporal is unreachable");
    incidents.fail(null);
    bolt.event("Ev4", reaction("mega", "C_INC42"));
    assertThat(incidents.applied).hasSize(1);
  }
}
