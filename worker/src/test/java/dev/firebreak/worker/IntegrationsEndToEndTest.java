package dev.firebreak.worker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.firebreak.activities.sync.SyncScheduler;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;
import io.temporal.client.schedules.ScheduleDescription;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application with PagerDuty, Jira and Confluence enabled, against the real Temporal dev
 * server (in a namespace of its own) and PostgreSQL, with WireMock standing in for the three
 * services at their HTTP boundary so the real clients run.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "TEMPORAL_NAMESPACE=firebreak-integrations-test",
      "ENABLE_JIRA=true",
      "RAID_JIRA_API_USER=firebreak-bot",
      "RAID_JIRA_API_PASSWORD=secret",
      "RAID_JIRA_PROJECT_KEY=INC",
      "RAID_DEFAULT_JIRA_QRAFT_USER_ID=qraft-default",
      "ENABLE_PAGERDUTY=true",
      "PAGERDUTY_API_KEY=pd-token",
      "PAGERDUTY_ACCOUNT_EMAIL=firebreak@example.com",
      "ENABLE_CONFLUENCE=true",
      "CONFLUENCE_USERNAME=bot@example.com",
      "CONFLUENCE_API_TOKEN=token",
      "CONFLUENCE_ON_CALL_PAGE_ID=4242",
      "CONFLUENCE_POSTMORTEM_SPACE=PM",
      "firebreak.integrations.retry.max-attempts=4",
      "firebreak.integrations.retry.initial-interval=200ms",
      "firebreak.sync.pagerduty.period=1h",
      "firebreak.sync.confluence-oncall.period=2h"
    })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class IntegrationsEndToEndTest {

  static final WireMockServer fake = new WireMockServer(options().dynamicPort());

  static {
    System.setProperty("TEMPORAL_ADDRESS", TemporalDevServer.shared().address());
    fake.start();
  }

  @DynamicPropertySource
  static void fakes(DynamicPropertyRegistry registry) {
    registry.add("RAID_JIRA_API_URL", () -> "http://localhost:" + fake.port());
    registry.add("PAGERDUTY_URL", () -> "http://localhost:" + fake.port() + "/pagerduty");
    registry.add("CONFLUENCE_URL", () -> "http://localhost:" + fake.port() + "/wiki");
  }

  @AfterAll
  static void stopFake() {
    fake.stop();
  }

  @LocalServerPort int port;
  @Autowired SyncScheduler scheduler;
  @Autowired WorkflowServiceStubs stubs;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
    fake.resetAll();
    // every incident here gets a Jira ticket: answer those the test is not about
    fake.stubFor(get(urlPathEqualTo("/rest/api/2/search")).willReturn(okJson("{\"issues\":[]}")));
    fake.stubFor(post(urlEqualTo("/rest/api/2/issue")).atPriority(10)
        .willReturn(okJson("{\"key\":\"INC-1\"}")));
  }

  long declare(String json) {
    Http.Response created = http.post("/api/v1/incidents", json);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asLong();
  }

  JsonNode awaitIncident(long id, Predicate<JsonNode> condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    JsonNode incident = http.get("/api/v1/incidents/" + id).json();
    while (!condition.test(incident) && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      incident = http.get("/api/v1/incidents/" + id).json();
    }
    assertThat(condition.test(incident)).as(incident.toPrettyString()).isTrue();
    return incident;
  }

  static boolean timelineHas(JsonNode incident, String kind, String text) {
    for (JsonNode entry : incident.get("timeline")) {
      if (entry.get("kind").asText().equals(kind) && entry.get("message").asText().contains(text)) {
        return true;
      }
    }
    return false;
  }

  static List<ServeEvent> served(String method, String path, String bodyPart) {
    List<ServeEvent> events = new ArrayList<>(fake.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getMethod().getName().equals(method)
            && e.getRequest().getUrl().startsWith(path)
            && e.getRequest().getBodyAsString().contains(bodyPart))
        .toList());
    events.sort(Comparator.comparing(e -> e.getRequest().getLoggedDate()));
    return events;
  }

  @Test
  void aNewIncidentGetsOneJiraTicketAfterA5xxAndA429() throws Exception {
    String issue = "/rest/api/2/issue";
    fake.stubFor(post(urlEqualTo(issue)).atPriority(1)
        .withRequestBody(containing("Checkout e2e")).inScenario("jira").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(503).withBody("maintenance")).willSetStateTo("503"));
    fake.stubFor(post(urlEqualTo(issue)).atPriority(1)
        .withRequestBody(containing("Checkout e2e")).inScenario("jira").whenScenarioStateIs("503")
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
        .willSetStateTo("429"));
    fake.stubFor(post(urlEqualTo(issue)).atPriority(1)
        .withRequestBody(containing("Checkout e2e")).inScenario("jira").whenScenarioStateIs("429")
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody("{\"id\":\"10101\",\"key\":\"INC-101\"}")));

    long id = declare("{\"title\":\"Checkout e2e\",\"priority\":\"P2\",\"environment\":\"PRD\","
        + "\"category\":\"payments\",\"createdBy\":\"alice\"}");

    JsonNode incident = awaitIncident(id, i -> i.path("jiraTicketKey").asText().equals("INC-101")
        && timelineHas(i, "INTEGRATION", "Jira ticket INC-101"));
    assertThat(incident.get("jiraTicketUrl").asText())
        .isEqualTo("http://localhost:" + fake.port() + "/browse/INC-101");
    assertThat(timelineHas(incident, "INTEGRATION",
        "Jira ticket INC-101 created: http://localhost:")).isTrue();
    List<ServeEvent> posts = served("POST", issue, "Checkout e2e");
    assertThat(posts).hasSize(3);
    // the 429's Retry-After (1 s) was waited out before the third try
    assertThat(posts.get(2).getRequest().getLoggedDate().getTime()
        - posts.get(1).getRequest().getLoggedDate().getTime()).isGreaterThanOrEqualTo(900);
    fake.verify(postRequestedFor(urlEqualTo(issue))
        .withRequestBody(matchingJsonPath("$.fields.summary", equalTo("Checkout e2e")))
        .withRequestBody(matchingJsonPath("$.fields.priority.id", equalTo("2")))
        .withRequestBody(matchingJsonPath("$.fields.reporter.id", equalTo("qraft-default")))
        .withRequestBody(matchingJsonPath("$.fields.project.key", equalTo("INC")))
        .withRequestBody(matchingJsonPath("$.fields.labels[1]",
            equalTo("firebreak-incident-" + id))));
    // the listing shows the link too
    JsonNode listed = http.get("/api/v1/incidents?limit=200").json().get("items");
    boolean found = false;
    for (JsonNode item : listed) {
      if (item.get("id").asLong() == id) {
        found = item.get("jiraTicketKey").asText().equals("INC-101");
      }
    }
    assertThat(found).isTrue();
  }

  @Test
  void jiraDownForGoodIsNotedOnTheTimelineAndTheIncidentStillMovesOn() throws Exception {
    fake.stubFor(post(urlEqualTo("/rest/api/2/issue")).atPriority(1)
        .withRequestBody(containing("Jira down e2e"))
        .willReturn(aResponse().withStatus(500).withBody("Jira is down")));

    long id = declare("{\"title\":\"Jira down e2e\",\"priority\":\"P3\"}");
    Http.Response investigating =
        http.post("/api/v1/incidents/" + id + "/status", "{\"status\":\"INVESTIGATING\"}");
    assertThat(investigating.status()).isEqualTo(200);

    JsonNode incident = awaitIncident(id,
        i -> timelineHas(i, "INTEGRATION", "Jira ticket could not be created"));
    assertThat(timelineHas(incident, "INTEGRATION", "Jira answered 500: Jira is down")).isTrue();
    assertThat(incident.get("jiraTicketKey").isNull()).isTrue();
    assertThat(served("POST", "/rest/api/2/issue", "Jira down e2e")).hasSize(4);

    assertThat(http.post("/api/v1/incidents/" + id + "/status", "{\"status\":\"MITIGATED\"}")
        .status()).isEqualTo(200);
    JsonNode closed = http.post("/api/v1/incidents/" + id + "/status",
        "{\"status\":\"CLOSED\"}").json();
    assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
  }

  void stubPagerDuty(boolean withSecondService) {
    String pd = "/pagerduty";
    fake.stubFor(get(urlPathEqualTo(pd + "/services")).withQueryParam("offset", equalTo("0"))
        .willReturn(okJson("{\"services\":[{\"id\":\"SVC1\",\"name\":\"Checkout\"}"
            + (withSecondService ? ",{\"id\":\"SVC2\",\"name\":\"Search\"}" : "")
            + "],\"more\":" + withSecondService + "}")));
    fake.stubFor(get(urlPathEqualTo(pd + "/services")).withQueryParam("offset", equalTo("2"))
        .willReturn(okJson("{\"services\":[{\"id\":\"SVC3\",\"name\":\"Payments\"}],\"more\":false}")));
    fake.stubFor(get(urlPathEqualTo(pd + "/users")).willReturn(okJson("{\"users\":["
        + "{\"id\":\"U1\",\"name\":\"Alice\",\"email\":\"alice@example.com\"},"
        + "{\"id\":\"U2\",\"name\":\"Bob\",\"email\":\"bob@example.com\"}],\"more\":false}")));
    fake.stubFor(get(urlPathEqualTo(pd + "/schedules")).willReturn(okJson(
        "{\"schedules\":[{\"id\":\"SCH1\",\"name\":\"Checkout primary\"}],\"more\":false}")));
    fake.stubFor(get(urlPathEqualTo(pd + "/escalation_policies")).willReturn(okJson(
        "{\"escalation_policies\":[{\"id\":\"EP1\",\"name\":\"Checkout\"},"
            + "{\"id\":\"EP2\",\"name\":\"Search\"}],\"more\":false}")));
    fake.stubFor(get(urlPathEqualTo(pd + "/oncalls")).withQueryParam("offset", equalTo("0"))
        .willReturn(okJson("{\"oncalls\":[{\"escalation_policy\":{\"id\":\"EP1\"},"
            + "\"escalation_level\":1,\"schedule\":{\"id\":\"SCH1\"},"
            + "\"user\":{\"id\":\"U1\",\"summary\":\"Alice\"},"
            + "\"start\":\"2026-11-22T08:00:00Z\",\"end\":\"2026-11-29T08:00:00Z\"}],"
            + "\"more\":true}")));
    fake.stubFor(get(urlPathEqualTo(pd + "/oncalls")).withQueryParam("offset", equalTo("1"))
        .willReturn(okJson("{\"oncalls\":[{\"escalation_policy\":{\"id\":\"EP1\"},"
            + "\"escalation_level\":2,\"schedule\":null,\"user\":{\"id\":\"U2\",\"summary\":\"Bob\"},"
            + "\"start\":null,\"end\":null},{\"escalation_policy\":{\"id\":\"EP2\"},"
            + "\"escalation_level\":1,\"schedule\":null,\"user\":{\"id\":\"U2\",\"summary\":\"Bob\"},"
            + "\"start\":null,\"end\":null}],\"more\":false}")));
  }

  static int changeOf(JsonNode report, String resource, String field) {
    for (JsonNode change : report.get("changes")) {
      if (change.get("resource").asText().equals(resource)) {
        return change.get(field).asInt();
      }
    }
    throw new AssertionError("no " + resource + " in " + report);
  }

  @Test
  void pagerDutySyncsOnDemandAcrossPagesAndEveryoneCanSeeWhoIsOnCall() {
    stubPagerDuty(true);
    Http.Response synced = http.post("/api/v1/syncs/pagerduty", "");
    assertThat(synced.status()).as(synced.body()).isEqualTo(200);
    JsonNode report = synced.json();
    assertThat(report.get("sync").asText()).isEqualTo("pagerduty");
    assertThat(changeOf(report, "services", "total")).isEqualTo(3);
    assertThat(changeOf(report, "oncalls", "total")).isEqualTo(3);
    fake.verify(getRequestedFor("/pagerduty/services?limit=100&offset=2"));

    JsonNode onCall = http.get("/api/v1/pagerduty/oncall").json();
    JsonNode policies = onCall.get("escalationPolicies");
    assertThat(policies).hasSize(2);
    JsonNode checkout = policies.get(0);
    assertThat(checkout.get("name").asText()).isEqualTo("Checkout");
    assertThat(checkout.get("levels")).hasSize(2);
    JsonNode first = checkout.get("levels").get(0);
    assertThat(first.get("level").asInt()).isEqualTo(1);
    assertThat(first.get("onCall").get(0).get("name").asText()).isEqualTo("Alice");
    assertThat(first.get("onCall").get(0).get("email").asText()).isEqualTo("alice@example.com");
    assertThat(first.get("onCall").get(0).get("scheduleName").asText())
        .isEqualTo("Checkout primary");
    assertThat(first.get("onCall").get(0).get("end").asText()).isEqualTo("2026-11-29T08:00:00Z");
    assertThat(checkout.get("levels").get(1).get("onCall").get(0).get("name").asText())
        .isEqualTo("Bob");

    // SVC2 and SVC3 are gone from PagerDuty: the next sync removes them
    fake.resetAll();
    stubPagerDuty(false);
    JsonNode again = http.post("/api/v1/syncs/pagerduty", "").json();
    assertThat(changeOf(again, "services", "removed")).isEqualTo(2);
    assertThat(changeOf(again, "services", "total")).isEqualTo(1);
    assertThat(changeOf(again, "oncalls", "added")).isZero();
  }

  static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder getRequestedFor(
      String url) {
    return com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo(url));
  }

  @Test
  void escalatingPagesAPagerDutyServiceOnceAndRefusesTheSameServiceTwice() throws Exception {
    long id = declare("{\"title\":\"Escalate e2e\",\"priority\":\"P1\",\"category\":\"db\"}");
    String key = "firebreak-incident-" + id + "-SVC1";
    fake.stubFor(get(urlPathEqualTo("/pagerduty/incidents"))
        .withQueryParam("incident_key", equalTo(key)).willReturn(okJson("{\"incidents\":[]}")));
    fake.stubFor(post(urlEqualTo("/pagerduty/incidents")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"incident\":{\"id\":\"PDX1\","
            + "\"html_url\":\"https://acme.pagerduty.com/incidents/PDX1\"}}")));

    Http.Response paged = http.post("/api/v1/incidents/" + id + "/escalate",
        "{\"pagerdutyServiceId\":\"SVC1\",\"requestedBy\":\"alice\"}");
    assertThat(paged.status()).as(paged.body()).isEqualTo(201);
    assertThat(paged.json().get("status").asText()).isEqualTo("TRIGGERED");
    assertThat(paged.json().get("pagerdutyIncidentId").asText()).isEqualTo("PDX1");
    fake.verify(1, postRequestedFor(urlEqualTo("/pagerduty/incidents"))
        .withHeader("Authorization", equalTo("Token token=pd-token"))
        .withHeader("From", equalTo("firebreak@example.com"))
        .withRequestBody(matchingJsonPath("$.incident.urgency", equalTo("high")))
        .withRequestBody(matchingJsonPath("$.incident.incident_key", equalTo(key)))
        .withRequestBody(matchingJsonPath("$.incident.service.id", equalTo("SVC1")))
        .withRequestBody(matchingJsonPath("$.incident.body.details", containing("Priority: P1"))));

    Http.Response twice = http.post("/api/v1/incidents/" + id + "/escalate",
        "{\"pagerdutyServiceId\":\"SVC1\"}");
    IncidentApiEndToEndTest.assertProblem(twice, 409, "already paged");
    fake.verify(1, postRequestedFor(urlEqualTo("/pagerduty/incidents")));

    // {} alone is Firebreak's own escalation (page the next step now): see OnCallApiEndToEndTest
    Http.Response missing = http.post("/api/v1/incidents/" + id + "/escalate",
        "{\"pagerdutyServiceId\":\" \"}");
    IncidentApiEndToEndTest.assertProblem(missing, 400, "pagerdutyServiceId");
    assertThat(missing.json().get("errors").get(0).get("field").asText())
        .isEqualTo("pagerdutyServiceId");
    IncidentApiEndToEndTest.assertProblem(http.post("/api/v1/incidents/999999/escalate",
        "{\"pagerdutyServiceId\":\"SVC1\"}"), 404, "no incident");

    JsonNode escalations = http.get("/api/v1/incidents/" + id + "/escalations").json();
    assertThat(escalations).hasSize(1);
    assertThat(escalations.get(0).get("pagerdutyUrl").asText())
        .isEqualTo("https://acme.pagerduty.com/incidents/PDX1");
    awaitIncident(id, i -> timelineHas(i, "UPDATE", "Paged PagerDuty service SVC1: PagerDuty"
        + " incident PDX1"));
  }

  @Test
  void aP1InProductionPassesPostMortemWhereItGetsOnePostmortemPage() throws Exception {
    fake.stubFor(get(urlPathEqualTo("/wiki/rest/api/content"))
        .withQueryParam("spaceKey", equalTo("PM")).willReturn(okJson("{\"results\":[]}")));
    fake.stubFor(post(urlEqualTo("/wiki/rest/api/content")).willReturn(okJson(
        "{\"id\":\"5555\",\"title\":\"pm\",\"version\":{\"number\":1},"
            + "\"_links\":{\"base\":\"https://acme.atlassian.net/wiki\","
            + "\"webui\":\"/spaces/PM/pages/5555\"}}")));

    long id = declare("{\"title\":\"Postmortem e2e\",\"priority\":\"P1\",\"environment\":\"PRD\"}");
    http.post("/api/v1/incidents/" + id + "/updates", "{\"message\":\"rollback started\"}");
    assertThat(http.post("/api/v1/incidents/" + id + "/status", "{\"status\":\"MITIGATED\"}")
        .status()).isEqualTo(200);
    IncidentApiEndToEndTest.assertProblem(
        http.post("/api/v1/incidents/" + id + "/status", "{\"status\":\"CLOSED\"}"), 409,
        "must pass through POST_MORTEM");
    assertThat(http.post("/api/v1/incidents/" + id + "/status", "{\"status\":\"POST_MORTEM\"}")
        .status()).isEqualTo(200);

    JsonNode incident = awaitIncident(id, i -> !i.path("postmortemUrl").isNull()
        && !i.path("postmortemUrl").isMissingNode());
    assertThat(incident.get("postmortemUrl").asText())
        .isEqualTo("https://acme.atlassian.net/wiki/spaces/PM/pages/5555");
    fake.verify(1, postRequestedFor(urlEqualTo("/wiki/rest/api/content"))
        .withRequestBody(matchingJsonPath("$.title", equalTo("Postmortem #" + id
            + ": Postmortem e2e")))
        .withRequestBody(matchingJsonPath("$.space.key", equalTo("PM")))
        .withRequestBody(matchingJsonPath("$.body.storage.value", containing("rollback started")))
        .withRequestBody(matchingJsonPath("$.body.storage.value", containing("Time to mitigate"))));
    awaitIncident(id, i -> timelineHas(i, "INTEGRATION", "Postmortem page created"));
    assertThat(http.post("/api/v1/incidents/" + id + "/status", "{\"status\":\"CLOSED\"}")
        .status()).isEqualTo(200);
  }

  @Test
  void theConfluenceOnCallPageIsRewrittenWithTheNextVersion() {
    stubPagerDuty(false);
    assertThat(http.post("/api/v1/syncs/pagerduty", "").status()).isEqualTo(200);
    fake.stubFor(get(urlEqualTo("/wiki/rest/api/content/4242?expand=version,body.storage"))
        .willReturn(okJson("{\"id\":\"4242\",\"title\":\"Who is on call\","
            + "\"version\":{\"number\":7},\"body\":{\"storage\":{\"value\":\"<p>old</p>\"}}}")));
    fake.stubFor(put(urlEqualTo("/wiki/rest/api/content/4242")).willReturn(okJson(
        "{\"id\":\"4242\",\"title\":\"Who is on call\",\"version\":{\"number\":8}}")));

    Http.Response exported = http.post("/api/v1/syncs/confluence-oncall", "");

    assertThat(exported.status()).as(exported.body()).isEqualTo(200);
    assertThat(exported.json().get("changes").get(0).get("updated").asInt()).isEqualTo(1);
    fake.verify(1, putRequestedFor(urlEqualTo("/wiki/rest/api/content/4242"))
        .withRequestBody(matchingJsonPath("$.version.number", equalTo("8")))
        .withRequestBody(matchingJsonPath("$.body.storage.value", containing("<h2>Checkout</h2>")))
        .withRequestBody(matchingJsonPath("$.body.storage.value",
            containing("Alice (alice@example.com)"))));
  }

  @Test
  void periodicSyncsAreTemporalSchedulesWithTheConfiguredPeriods() {
    assertThat(scheduler.outcomes()).extracting(SyncScheduler.Outcome::mode)
        .containsExactly(SyncScheduler.Mode.SCHEDULE, SyncScheduler.Mode.SCHEDULE);
    ScheduleClient schedules = ScheduleClient.newInstance(stubs,
        ScheduleClientOptions.newBuilder().setNamespace("firebreak-integrations-test").build());
    ScheduleDescription pagerDuty =
        schedules.getHandle(SyncScheduler.PAGERDUTY_SCHEDULE).describe();
    assertThat(pagerDuty.getSchedule().getSpec().getIntervals().get(0).getEvery())
        .isEqualTo(Duration.ofHours(1));
    ScheduleDescription confluence =
        schedules.getHandle(SyncScheduler.CONFLUENCE_SCHEDULE).describe();
    assertThat(confluence.getSchedule().getSpec().getIntervals().get(0).getEvery())
        .isEqualTo(Duration.ofHours(2));

    // an operator pauses it in Temporal UI; a restart updates it in place (same id, new
    // period) and leaves it paused
    schedules.getHandle(SyncScheduler.PAGERDUTY_SCHEDULE).pause("maintenance");
    SyncScheduler.Job job = SyncScheduler.Job.integration(SyncScheduler.PAGERDUTY_SCHEDULE,
        dev.firebreak.workflows.integrations.PagerDutySyncWorkflow.class, Duration.ofMinutes(30));
    assertThat(scheduler.setUp(schedules, job)).isEqualTo(SyncScheduler.Mode.SCHEDULE);
    ScheduleDescription updated =
        schedules.getHandle(SyncScheduler.PAGERDUTY_SCHEDULE).describe();
    assertThat(updated.getSchedule().getSpec().getIntervals().get(0).getEvery())
        .isEqualTo(Duration.ofMinutes(30));
    assertThat(updated.getSchedule().getState().isPaused()).isTrue();
    assertThat(updated.getSchedule().getAction())
        .isInstanceOf(io.temporal.client.schedules.ScheduleActionStartWorkflow.class);
    assertThat(((io.temporal.client.schedules.ScheduleActionStartWorkflow)
        updated.getSchedule().getAction()).getOptions().getTaskQueue())
        .isEqualTo("firebreak-integrations");
  }
}
