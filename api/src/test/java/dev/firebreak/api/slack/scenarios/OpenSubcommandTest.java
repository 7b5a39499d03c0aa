package dev.firebreak.api.slack.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.bolt.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenSubcommandTest {

  final BoltHarness bolt = new BoltHarness();

  @BeforeEach
  void app() {
    bolt.with(new IncidentCommand(bolt.settings, List.of(new OpenSubcommand())));
  }

  @AfterEach
  void close() {
    bolt.close();
  }

  @Test
  void opensTheOpenFormOnTheCommandsTrigger() throws Exception {
    Response answer = bolt.command("open", "C_GENERAL");
    assertThat(answer.getStatusCode()).isEqualTo(200);
    assertThat(answer.getBody()).isNullOrEmpty();
    List<Map<String, String>> opened = bolt.slack.calls("views.open");
    assertThat(opened).hasSize(1);
    assertThat(opened.get(0).get("trigger_id")).isEqualTo("trigger-1");
    JsonNode view = bolt.slack.views("views.open").get(0);
    assertThat(view.get("callback_id").asText()).isEqualTo("incident_open");
    assertThat(view.toString()).contains("\"block_id\":\"title\"", "\"block_id\":\"priority\"");
  }

  @Test
  void slacksRefusalToOpenTheFormIsShownToTheUser() throws Exception {
    bolt.slack.answer("views.open", "{\"ok\":false,\"error\":\"expired_trigger_id\"}");
    assertThat(BoltHarness.json(bolt.command("open", "C1")).get("text").asText())
        .isEqualTo(":warning: Slack refused to open the form (expired_trigger_id)");
  }
}
