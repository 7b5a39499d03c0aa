package dev.firebreak.api.slack.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenFormTest {

  final BoltHarness bolt = new BoltHarness();

  @BeforeEach
  void app() {
    bolt.with(new OpenForm());
  }

  @AfterEach
  void close() {
    bolt.close();
  }

  @Test
  void theShortcutOpensTheOpenFormOnItsTrigger() throws Exception {
    assertThat(bolt.shortcut("open_incident").getStatusCode()).isEqualTo(200);
    assertThat(bolt.slack.calls("views.open")).singleElement()
        .satisfies(call -> assertThat(call.get("trigger_id")).isEqualTo("trigger-1"));
    assertThat(bolt.slack.views("views.open").get(0).get("callback_id").asText())
        .isEqualTo("incident_open");
  }

  @Test
  void theAppHomeButtonOpensItToo() throws Exception {
    assertThat(bolt.click("home_open", "open", "U9").getStatusCode()).isEqualTo(200);
    assertThat(bolt.slack.views("views.open")).singleElement()
        .satisfies(view -> assertThat(view.get("callback_id").asText())
            .isEqualTo("incident_open"));
  }

  @Test
  void anotherShortcutIsNotOurs() throws Exception {
    assertThat(bolt.shortcut("something_else").getStatusCode()).isEqualTo(404);
    assertThat(bolt.slack.calls("views.open")).isEmpty();
  }
}
