package dev.firebreak.api.slack.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.bolt.response.Response;
import dev.firebreak.api.problem.ApiException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IncidentCommandTest {

  final BoltHarness bolt = new BoltHarness();

  /** A subcommand that answers with what it was given, or fails as a missing incident does. */
  static Subcommand echo(String name) {
    return new Subcommand() {
      public String name() {
        return name;
      }

      public String usage() {
        return "<words>";
      }

      public String help() {
        return "says it back";
      }

      public Response run(Invocation in) {
        if (in.args().equals("missing")) {
          throw ApiException.notFound("incident 7 not found");
        }
        return in.ctx().ack(in.name() + "|" + in.args() + "|" + in.payload().getChannelId());
      }
    };
  }

  @AfterEach
  void close() {
    bolt.close();
  }

  @Test
  void theFirstWordPicksTheSubcommandOnTheCommandAndItsAliases() throws Exception {
    bolt.with(new IncidentCommand(bolt.settings, List.of(echo("echo"), new HelpSubcommand())));
    Response echoed = bolt.command("  ECHO  the rest  ", "C_GENERAL");
    assertThat(echoed.getStatusCode()).isEqualTo(200);
    assertThat(BoltHarness.json(echoed).get("text").asText()).isEqualTo("echo|the rest|C_GENERAL");
    assertThat(BoltHarness.json(bolt.command("/firebreak", "echo x", "C1")).get("text").asText())
        .isEqualTo("echo|x|C1");
  }

  @Test
  void unknownSubcommandsAnswerTheHelpWithAWarningAndNoWordIsHelp() throws Exception {
    bolt.with(new IncidentCommand(bolt.settings, List.of(echo("echo"), new HelpSubcommand())));
    String unknown = BoltHarness.json(bolt.command("frobnicate now", "C1")).get("text").asText();
    assertThat(unknown).startsWith(":warning: Unknown subcommand `frobnicate`.\n*/incident* runs")
        .contains("• `/incident echo <words>`: says it back", "• `/incident help`: this help");
    assertThat(BoltHarness.json(bolt.command("", "C1")).get("text").asText())
        .startsWith("*/incident* runs incidents from Slack:");
  }

  @Test
  void aMissingIncidentIsAWarningToTheUserNotAnErrorToSlack() throws Exception {
    bolt.with(new IncidentCommand(bolt.settings, List.of(echo("echo"))));
    Response missing = bolt.command("echo missing", "C1");
    assertThat(missing.getStatusCode()).isEqualTo(200);
    assertThat(BoltHarness.json(missing).get("text").asText())
        .isEqualTo(":warning: incident 7 not found");
  }

  @Test
  void twoSubcommandsOfOneNameAreRefusedAtStart() {
    assertThatThrownBy(() -> new IncidentCommand(bolt.settings, List.of(echo("a"), echo("a"))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("a");
  }
}
