package dev.firebreak.api.slack.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.activities.directory.Service;
import dev.firebreak.workflows.incident.messages.Environment;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PageServiceButtonTest {

  final BoltHarness bolt = new BoltHarness();
  final SlackStores stores = new SlackStores();
  final RecordingIncidents incidents = stores.incidents();

  @BeforeEach
  void app() {
    bolt.with(new PageServiceButton(bolt.settings, stores.interactions, incidents, stores.authors));
  }

  @AfterEach
  void close() {
    bolt.close();
  }

  @Test
  void opensAP2OnTheServiceOnceForTheClickAndSaysSo() throws Exception {
    long ann = stores.users.create("Ann", "ann@x.test", "U0ANN", "UTC").id();
    Service checkout = stores.pagedService("Checkout", ann);
    String action = "oncall_page_" + checkout.id();
    assertThat(bolt.click(action, String.valueOf(checkout.id()), "U0ANN").getStatusCode())
        .isEqualTo(200);
    bolt.click(action, String.valueOf(checkout.id()), "U0ANN"); // Slack's retry of the click

    Incident paged = incidents.opened.get(0);
    assertThat(incidents.opened).hasSize(1);
    assertThat(paged.title()).isEqualTo("Paged from Slack: Checkout");
    assertThat(paged.description()).isEqualTo("Paged by Ann with /incident oncall");
    assertThat(paged.priority()).isEqualTo(Priority.P2);
    assertThat(paged.environment()).isEqualTo(Environment.PRD);
    assertThat(paged.status()).isEqualTo(Status.OPEN);
    assertThat(paged.serviceId()).isEqualTo(checkout.id());
    assertThat(paged.createdBy()).isEqualTo("Ann");
    assertThat(paged.dedupKey()).isEqualTo("slack-page-U0ANN-1700000001.000200");
    assertThat(bolt.slack.replies()).hasSize(2).allSatisfy(reply -> {
      assertThat(reply.get("response_type").asText()).isEqualTo("ephemeral");
      assertThat(reply.get("replace_original").asBoolean()).isFalse();
      assertThat(reply.get("text").asText()).isEqualTo(":rotating_light: Incident #"
          + paged.id() + " opened on Checkout; its escalation policy is paging.");
    });
  }

  @Test
  void aServiceDeletedSinceOpensNothing() throws Exception {
    assertThat(bolt.click("oncall_page_99", "99", "U9").getStatusCode()).isEqualTo(200);
    assertThat(incidents.opened).isEmpty();
    assertThat(bolt.slack.replies()).singleElement().satisfies(reply ->
        assertThat(reply.get("text").asText())
            .isEqualTo(":warning: That service no longer exists."));
  }
}
