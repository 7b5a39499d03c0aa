package dev.firebreak.activities.integrations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.firebreak.activities.integrations.confluence.ConfluenceSettings;
import dev.firebreak.activities.integrations.jira.JiraSettings;
import dev.firebreak.activities.integrations.pagerduty.PagerDutyActivitiesImpl;
import dev.firebreak.activities.integrations.pagerduty.PagerDutyClient;
import dev.firebreak.activities.integrations.pagerduty.PagerDutySettings;
import dev.firebreak.activities.integrations.pagerduty.PagerDutyStore;
import dev.firebreak.activities.store.IncidentStore;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.integrations.messages.PagerDutyTrigger;
import dev.firebreak.workflows.integrations.messages.PagerDutyTriggered;
import dev.firebreak.workflows.integrations.messages.SyncChange;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PagerDuty's sync steps and trigger against a fake PagerDuty (WireMock) and real PostgreSQL. */
class PagerDutyActivitiesTest {

  static WireMockServer pd;
  static DataSource dataSource;

  IncidentStore incidents;
  PagerDutyStore store;
  PagerDutyActivitiesImpl activities;

  @BeforeAll
  static void servers() {
    pd = new WireMockServer(options().dynamicPort());
    pd.start();
    dataSource = IntegrationTestSupport.database();
  }

  @AfterAll
  static void stop() {
    pd.stop();
  }

  @BeforeEach
  void fresh() {
    pd.resetAll();
    IntegrationTestSupport.jdbc(dataSource).sql("TRUNCATE incident, pagerduty_service,"
        + " pagerduty_user, pagerduty_schedule, pagerduty_escalation_policy, pagerduty_oncall,"
        + " pagerduty_trigger, app_user CASCADE").update();
    incidents = new IncidentStore(IntegrationTestSupport.jdbc(dataSource));
    store = new PagerDutyStore(IntegrationTestSupport.jdbc(dataSource),
        IntegrationTestSupport.transactions(dataSource));
    PagerDutySettings settings = new PagerDutySettings(true, "pd-token", "firebreak@example.com",
        "http://localhost:" + pd.port());
    JiraSettings jira = new JiraSettings(false, "", "", "", false, "", "", "", "", "Incident", "");
    ConfluenceSettings confluence = new ConfluenceSettings(false, "", "", "", "", "", "");
    activities = new PagerDutyActivitiesImpl(settings, new PagerDutyClient(settings), store,
        incidents, IntegrationTestSupport.settings(jira, confluence));
  }

  static void page(String path, int offset, String collection, String items, boolean more) {
    pd.stubFor(get(urlPathEqualTo(path))
        .withQueryParam("offset", equalTo(Integer.toString(offset)))
        .willReturn(okJson("{\"" + collection + "\":[" + items + "],\"limit\":100,\"offset\":"
            + offset + ",\"more\":" + more + "}")));
  }

  static String service(String id, String name) {
    return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"status\":\"active\","
        + "\"html_url\":\"https://acme.pagerduty.com/services/" + id + "\","
        + "\"escalation_policy\":{\"id\":\"EP1\",\"type\":\"escalation_policy_reference\"}}";
  }

  @Test
  void servicesAreReadPageByPageAndStaleOnesRemoved() {
    page("/services", 0, "services", service("S1", "Checkout") + "," + service("S2", "Search"),
        true);
    page("/services", 2, "services", service("S3", "Payments"), false);

    SyncChange first = activities.syncPagerDutyServices();

    assertThat(first).isEqualTo(new SyncChange("services", 3, 0, 0, 3));
    pd.verify(2, getRequestedFor(urlPathEqualTo("/services"))
        .withHeader("Authorization", equalTo("Token token=pd-token"))
        .withHeader("Accept", equalTo("application/vnd.pagerduty+json;version=2"))
        .withHeader("From", equalTo("firebreak@example.com"))
        .withQueryParam("limit", equalTo("100")));

    pd.resetAll();
    page("/services", 0, "services",
        service("S1", "Checkout") + "," + service("S3", "Payments and refunds"), false);

    SyncChange second = activities.syncPagerDutyServices();

    assertThat(second).isEqualTo(new SyncChange("services", 0, 1, 1, 2));
    assertThat(IntegrationTestSupport.jdbc(dataSource)
            .sql("SELECT name FROM pagerduty_service ORDER BY id").query(String.class).list())
        .containsExactly("Checkout", "Payments and refunds");
    assertThat(activities.syncPagerDutyServices()).isEqualTo(new SyncChange("services", 0, 0, 0, 2));
  }

  @Test
  void onCallsAreSyncedWithTheirLevelsAndReadGroupedByPolicy() {
    var alice = new dev.firebreak.activities.directory.UserStore(
        IntegrationTestSupport.jdbc(dataSource)).create("Alice", "Alice@Example.com", null, "UTC");
    page("/users", 0, "users", "{\"id\":\"U1\",\"name\":\"Alice\",\"email\":\"alice@example.com\"},"
        + "{\"id\":\"U2\",\"name\":\"Bob\",\"email\":\"bob@example.com\"}", false);
    page("/schedules", 0, "schedules", "{\"id\":\"SCH1\",\"name\":\"Primary\"}", false);
    page("/escalation_policies", 0, "escalation_policies",
        "{\"id\":\"EP1\",\"name\":\"Checkout\"}", false);
    page("/oncalls", 0, "oncalls", "{\"escalation_policy\":{\"id\":\"EP1\"},\"escalation_level\":1,"
        + "\"schedule\":{\"id\":\"SCH1\"},\"user\":{\"id\":\"U1\",\"summary\":\"Alice\"},"
        + "\"start\":\"2026-11-22T08:00:00Z\",\"end\":\"2026-11-23T08:00:00Z\"}", true);
    page("/oncalls", 1, "oncalls", "{\"escalation_policy\":{\"id\":\"EP1\"},\"escalation_level\":2,"
        + "\"schedule\":null,\"user\":{\"id\":\"U2\",\"summary\":\"Bob\"},"
        + "\"start\":null,\"end\":null}", false);

    assertThat(activities.syncPagerDutyUsers().added()).isEqualTo(2);
    assertThat(activities.syncPagerDutySchedules().added()).isEqualTo(1);
    assertThat(activities.syncPagerDutyEscalationPolicies().added()).isEqualTo(1);
    assertThat(activities.syncPagerDutyOncalls()).isEqualTo(new SyncChange("oncalls", 2, 0, 0, 2));
    assertThat(activities.syncPagerDutyOncalls()).isEqualTo(new SyncChange("oncalls", 0, 0, 0, 2));

    List<PagerDutyStore.OnCall> onCalls = store.onCalls();
    assertThat(onCalls).hasSize(2);
    PagerDutyStore.OnCall first = onCalls.get(0);
    assertThat(first.escalationPolicyName()).isEqualTo("Checkout");
    assertThat(first.escalationLevel()).isEqualTo(1);
    assertThat(first.scheduleName()).isEqualTo("Primary");
    assertThat(first.userEmail()).isEqualTo("alice@example.com");
    assertThat(first.firebreakUserId()).isEqualTo(alice.id());
    assertThat(first.start()).isEqualTo(Instant.parse("2026-11-22T08:00:00Z"));
    assertThat(first.end()).isEqualTo(Instant.parse("2026-11-23T08:00:00Z"));
    assertThat(onCalls.get(1).escalationLevel()).isEqualTo(2);
    assertThat(onCalls.get(1).scheduleId()).isNull();
    assertThat(onCalls.get(1).userName()).isEqualTo("Bob");

    // Bob's shift ends: the next sync removes his row
    pd.resetAll();
    page("/oncalls", 0, "oncalls", "{\"escalation_policy\":{\"id\":\"EP1\"},\"escalation_level\":1,"
        + "\"schedule\":{\"id\":\"SCH1\"},\"user\":{\"id\":\"U1\",\"summary\":\"Alice\"},"
        + "\"start\":\"2026-11-22T08:00:00Z\",\"end\":\"2026-11-24T08:00:00Z\"}", false);
    assertThat(activities.syncPagerDutyOncalls()).isEqualTo(new SyncChange("oncalls", 0, 1, 1, 1));
  }

  @Test
  void aTriggerOpensOneHighUrgencyIncidentKeyedByTheFirebreakIncident() {
    Incident incident =
        IntegrationTestSupport.insertIncident(incidents, "Checkout is down", Priority.P1, "alice");
    PagerDutyTrigger trigger = new PagerDutyTrigger(incident.id(), "S1", "alice");
    String key = "firebreak-incident-" + incident.id() + "-S1";
    assertThat(trigger.incidentKey()).isEqualTo(key);
    pd.stubFor(get(urlPathEqualTo("/incidents")).withQueryParam("incident_key", equalTo(key))
        .willReturn(okJson("{\"incidents\":[]}")));
    pd.stubFor(post(urlEqualTo("/incidents")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"incident\":{\"id\":\"PD42\",\"html_url\":\"https://acme.pagerduty.com/incidents/PD42\"}}")));

    PagerDutyTriggered triggered = activities.triggerPagerDutyIncident(trigger);

    assertThat(triggered).isEqualTo(
        new PagerDutyTriggered("PD42", "https://acme.pagerduty.com/incidents/PD42", "S1"));
    pd.verify(postRequestedFor(urlEqualTo("/incidents"))
        .withHeader("From", equalTo("firebreak@example.com"))
        .withRequestBody(matchingJsonPath("$.incident.urgency", equalTo("high")))
        .withRequestBody(matchingJsonPath("$.incident.incident_key", equalTo(key)))
        .withRequestBody(matchingJsonPath("$.incident.service.id", equalTo("S1")))
        .withRequestBody(matchingJsonPath("$.incident.body.details", containing("Priority: P1")))
        .withRequestBody(matchingJsonPath("$.incident.body.details", containing("Environment: PRD")))
        .withRequestBody(matchingJsonPath("$.incident.body.details", containing("Category: payments")))
        .withRequestBody(matchingJsonPath("$.incident.body.details",
            containing("https://firebreak.example/incidents/" + incident.id()))));
    assertThat(store.triggers(incident.id())).singleElement()
        .satisfies(t -> assertThat(t.pagerdutyIncidentId()).isEqualTo("PD42"));

    // a retry finds the open PagerDuty incident by its key and opens no second one
    pd.stubFor(get(urlPathEqualTo("/incidents")).withQueryParam("incident_key", equalTo(key))
        .willReturn(okJson("{\"incidents\":[{\"id\":\"PD42\",\"html_url\":\"https://acme.pagerduty.com/incidents/PD42\"}]}")));
    assertThat(activities.triggerPagerDutyIncident(trigger).pagerdutyIncidentId()).isEqualTo("PD42");
    pd.verify(1, postRequestedFor(urlEqualTo("/incidents")));
  }

  @Test
  void aServiceIsClaimedOncePerIncident() {
    Incident incident =
        IntegrationTestSupport.insertIncident(incidents, "Disk full", Priority.P2, "alice");
    assertThat(store.claimTrigger(incident.id(), "S1", "alice")).isTrue();
    assertThat(store.claimTrigger(incident.id(), "S1", "bob")).isFalse();
    assertThat(store.claimTrigger(incident.id(), "S2", "bob")).isTrue();
    store.releaseTrigger(incident.id(), "S1");
    assertThat(store.claimTrigger(incident.id(), "S1", "carol")).isTrue();
  }
}
