package dev.firebreak.api.slack.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.activities.directory.Service;
import dev.firebreak.workflows.oncall.Layer;
import dev.firebreak.workflows.oncall.Rotation;
import dev.firebreak.workflows.oncall.Schedule;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OncallSubcommandTest {

  final BoltHarness bolt = new BoltHarness();
  final SlackStores stores = new SlackStores();

  @BeforeEach
  void app() {
    bolt.with(new IncidentCommand(bolt.settings,
        List.of(new OncallSubcommand(stores.onCall()))));
  }

  @AfterEach
  void close() {
    bolt.close();
  }

  @Test
  void withNothingConfiguredSaysSo() throws Exception {
    JsonNode answer = BoltHarness.json(bolt.command("oncall", "C1"));
    assertThat(answer.get("text").asText()).isEqualTo("*On call now*\nNo schedules yet.");
    assertThat(answer.get("blocks")).hasSize(1);
  }

  @Test
  void answersWhoIsOnCallAndAPageButtonPerServiceWithAPolicy() throws Exception {
    long ann = stores.users.create("Ann", "ann@x.test", "U0ANN", "UTC").id();
    stores.schedules.create(new Schedule(0, "Primary", "UTC", List.of(new Layer("daily",
        LocalDateTime.parse("2026-01-01T00:00"), Rotation.DAILY, List.of(ann), List.of()))));
    Service checkout = stores.pagedService("Checkout", ann);
    stores.services.create(new Service(0, "No policy", null, null, null, null, true,
        Service.defaultSeverityPriorities(), 30));

    JsonNode answer = BoltHarness.json(bolt.command("oncall", "C1"));
    assertThat(answer.get("text").asText()).isEqualTo("*On call now*\n• *Primary*: <@U0ANN>");
    JsonNode buttons = answer.get("blocks").get(2).get("elements");
    assertThat(buttons).hasSize(1);
    assertThat(buttons.get(0).get("action_id").asText())
        .isEqualTo("oncall_page_" + checkout.id());
    assertThat(buttons.get(0).get("value").asText()).isEqualTo(String.valueOf(checkout.id()));
    assertThat(buttons.get(0).get("text").get("text").asText()).isEqualTo("Page Checkout");
  }
}
