package dev.firebreak.api.slack.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.api.slack.SlackRoute;
import dev.firebreak.api.slack.SlackRouter;
import dev.firebreak.api.slack.SlackScenario;
import dev.firebreak.api.slack.SosCalls;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;

/** The whole routing table, as SlackBolt registers it: every interaction, each once. */
class SlackRouterTest {

  final BoltHarness bolt = new BoltHarness();
  final SlackStores stores = new SlackStores();
  final RecordingIncidents incidents = stores.incidents();

  @AfterEach
  void close() {
    bolt.close();
  }

  List<Subcommand> subcommands() {
    IncidentTarget target = new IncidentTarget(incidents, stores.interactions);
    return List.of(new OpenSubcommand(), new UpdateSubcommand(target),
        new CloseSubcommand(target), new StatusSubcommand(target, incidents),
        new SosSubcommand(bolt.settings, stores.interactions, new SosCalls(null), incidents,
            stores.authors),
        new OncallSubcommand(stores.onCall()), new HelpSubcommand());
  }

  List<SlackScenario> all() {
    return List.of(new IncidentCommand(bolt.settings, subcommands()), new OpenForm(),
        new HomeUpdateButton(incidents), new HomeCloseButton(incidents),
        new PageServiceButton(bolt.settings, stores.interactions, incidents, stores.authors),
        new AcknowledgeButton(incidents, stores.authors),
        new ResolveButton(incidents, stores.authors),
        new OpenSubmission(incidents, stores.interactions, stores.authors),
        new UpdateSubmission(incidents, stores.authors),
        new CloseSubmission(incidents, stores.authors),
        new MegaReaction(stores.interactions, incidents, stores.authors), new AppHomeOpened(incidents));
  }

  @Test
  void everyInteractionHasItsRoute() throws Exception {
    assertThat(new SlackRouter(all(), BoltHarness.OPEN_GATE).routes())
        .extracting(SlackRoute::key).containsExactly(
        "command /incident", "command /firebreak",
        "shortcut open_incident", "block_action ^\\Qhome_open\\E$",
        "block_action ^\\Qhome_update\\E$", "block_action ^\\Qhome_close\\E$",
        "block_action ^oncall_page_\\d+$",
        "block_action ^\\Qincident_acknowledge\\E$", "block_action ^\\Qincident_resolve\\E$",
        "view_submission incident_open", "view_submission incident_update",
        "view_submission incident_close",
        "event ReactionAddedEvent", "event AppHomeOpenedEvent");
    bolt.with(all().toArray(SlackScenario[]::new));
    assertThat(BoltHarness.json(bolt.command("help", "C1")).get("text").asText())
        .contains("`/incident open`", "`/incident update [id]`", "`/incident close [id]`",
            "`/incident status [id]`", "`/incident sos [message]`", "`/incident oncall`",
            "`/incident help`");
  }

  @Test
  void springListsTheSubcommandsInTheHelpsOrder() {
    List<Subcommand> injected = new ArrayList<>(subcommands());
    Collections.reverse(injected);
    AnnotationAwareOrderComparator.sort(injected); // as Spring orders an injected List
    assertThat(injected).extracting(Subcommand::name)
        .containsExactly("open", "update", "close", "status", "sos", "oncall", "help");
  }

  @Test
  void twoScenariosOnOneRouteAreRefusedAtStart() {
    assertThatThrownBy(() -> new SlackRouter(List.of(new OpenForm(), new OpenForm()),
        BoltHarness.OPEN_GATE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("two Slack scenarios handle shortcut open_incident");
  }
}
