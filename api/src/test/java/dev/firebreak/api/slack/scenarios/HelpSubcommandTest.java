package dev.firebreak.api.slack.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HelpSubcommandTest {

  final BoltHarness bolt = new BoltHarness();

  @AfterEach
  void close() {
    bolt.close();
  }

  @Test
  void listsEverySubcommandInOrderUnderTheCommandAsTyped() throws Exception {
    bolt.with(new IncidentCommand(bolt.settings,
        List.of(new OpenSubcommand(), new HelpSubcommand())));
    String help = BoltHarness.json(bolt.command("/firebreak", "help", "C1")).get("text").asText();
    assertThat(help).isEqualTo("*/firebreak* runs incidents from Slack:"
        + "\n• `/firebreak open`: open an incident (a form asks for its details)"
        + "\n• `/firebreak help`: this help");
    assertThat(bolt.slack.calls("views.open")).isEmpty();
  }
}
