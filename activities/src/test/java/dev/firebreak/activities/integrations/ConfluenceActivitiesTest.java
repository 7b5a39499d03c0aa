package dev.firebreak.activities.integrations;

import dev.firebreak.activities.oncall.OnCallRows;

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
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.firebreak.activities.integrations.confluence.ConfluenceActivitiesImpl;
import dev.firebreak.activities.integrations.confluence.ConfluenceClient;
import dev.firebreak.activities.integrations.confluence.ConfluencePages;
import dev.firebreak.activities.integrations.confluence.ConfluenceSettings;
import dev.firebreak.activities.integrations.jira.JiraSettings;
import dev.firebreak.activities.integrations.pagerduty.PagerDutyStore;
import dev.firebreak.activities.store.IncidentStore;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.KeyEvents;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.TimelineEntry;
import dev.firebreak.workflows.incident.messages.TimelineKind;
import dev.firebreak.workflows.integrations.messages.PostmortemPage;
import dev.firebreak.workflows.integrations.messages.SyncReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Postmortem pages and the on-call page against a fake Confluence and a real PostgreSQL. */
class ConfluenceActivitiesTest {

  static WireMockServer wiki;
  static DataSource dataSource;

  IncidentStore incidents;
  IncidentLinkStore links;
  PagerDutyStore pagerDuty;
  ConfluenceActivitiesImpl activities;
  /** Firebreak's own on-call rows the export sees; none unless a test sets them. */
  List<OnCallRows.Row> firebreakRows = List.of();

  @BeforeAll
  static void servers() {
    wiki = new WireMockServer(options().dynamicPort());
    wiki.start();
    dataSource = IntegrationTestSupport.database();
  }

  @AfterAll
  static void stop() {
    wiki.stop();
  }

  @BeforeEach
  void fresh() {
    wiki.resetAll();
    IntegrationTestSupport.jdbc(dataSource).sql("TRUNCATE incident, pagerduty_oncall,"
        + " pagerduty_user, pagerduty_escalation_policy, pagerduty_schedule CASCADE").update();
    incidents = new IncidentStore(IntegrationTestSupport.jdbc(dataSource));
    links = new IncidentLinkStore(IntegrationTestSupport.jdbc(dataSource));
    pagerDuty = new PagerDutyStore(IntegrationTestSupport.jdbc(dataSource),
        IntegrationTestSupport.transactions(dataSource));
    ConfluenceSettings settings = new ConfluenceSettings(true,
        "http://localhost:" + wiki.port() + "/wiki", "bot@example.com", "token", "123456",
        "PM", "999");
    JiraSettings jira = new JiraSettings(false, "", "", "", false, "", "", "", "", "Incident", "");
    activities = new ConfluenceActivitiesImpl(settings, new ConfluenceClient(settings), incidents,
        links, pagerDuty, IntegrationTestSupport.settings(jira, settings), at -> firebreakRows);
  }

  @Test
  void enteringPostMortemWritesOnePageWithTimelineKeyEventsAndMetrics() {
    Incident declared =
        IntegrationTestSupport.insertIncident(incidents, "Checkout <down>", Priority.P1, "alice");
    Instant t0 = IntegrationTestSupport.T0;
    Incident incident = declared.withKeyEvents(new KeyEvents(t0.minusSeconds(600),
        t0.minusSeconds(300), t0, t0.plus(Duration.ofMinutes(42)), null, null));
    incidents.project(incident.nextVersion(), List.of(
        new TimelineEntry(incident.id(), 1, t0, TimelineKind.DECLARED, "Incident declared", "alice"),
        new TimelineEntry(incident.id(), 2, t0.plusSeconds(60), TimelineKind.UPDATE,
            "rollback started", "bob")));
    links.saveJiraTicket(incident.id(), "INC-7", "https://jira.example/browse/INC-7");
    String title = ConfluencePages.postmortemTitle(incident);
    wiki.stubFor(get(urlPathEqualTo("/wiki/rest/api/content"))
        .withQueryParam("spaceKey", equalTo("PM"))
        .withQueryParam("title", equalTo(title))
        .willReturn(okJson("{\"results\":[]}")));
    wiki.stubFor(post(urlEqualTo("/wiki/rest/api/content")).willReturn(okJson(
        "{\"id\":\"777\",\"title\":\"" + title.replace("<", "\\u003c").replace(">", "\\u003e")
            + "\",\"version\":{\"number\":1},"
            + "\"_links\":{\"base\":\"https://acme.atlassian.net/wiki\",\"webui\":\"/spaces/PM/pages/777\"}}")));

    PostmortemPage page = activities.createPostmortemPage(incident);

    assertThat(page.id()).isEqualTo("777");
    assertThat(page.created()).isTrue();
    assertThat(page.url()).isEqualTo("https://acme.atlassian.net/wiki/spaces/PM/pages/777");
    assertThat(links.links(incident.id()).postmortemUrl()).isEqualTo(page.url());
    wiki.verify(postRequestedFor(urlEqualTo("/wiki/rest/api/content"))
        .withRequestBody(matchingJsonPath("$.type", equalTo("page")))
        .withRequestBody(matchingJsonPath("$.title", equalTo(title)))
        .withRequestBody(matchingJsonPath("$.space.key", equalTo("PM")))
        .withRequestBody(matchingJsonPath("$.ancestors[0].id", equalTo("999")))
        .withRequestBody(matchingJsonPath("$.body.storage.representation", equalTo("storage")))
        .withRequestBody(matchingJsonPath("$.body.storage.value",
            containing("Checkout &lt;down&gt;")))
        .withRequestBody(matchingJsonPath("$.body.storage.value", containing("rollback started")))
        .withRequestBody(matchingJsonPath("$.body.storage.value", containing(
            "<tr><th>Time to mitigate (declared → mitigated)</th><td>42 min</td></tr>")))
        .withRequestBody(matchingJsonPath("$.body.storage.value", containing(
            "<tr><th>Time to detect (started → detected)</th><td>5 min</td></tr>")))
        .withRequestBody(matchingJsonPath("$.body.storage.value",
            containing("https://jira.example/browse/INC-7"))));

    // the retry of a try that created the page finds it by title
    wiki.stubFor(get(urlPathEqualTo("/wiki/rest/api/content"))
        .withQueryParam("title", equalTo(title))
        .willReturn(okJson("{\"results\":[{\"id\":\"777\",\"title\":\"t\",\"version\":{\"number\":1},"
            + "\"_links\":{\"webui\":\"/spaces/PM/pages/777\"}}]}")));
    PostmortemPage again = activities.createPostmortemPage(incident);
    assertThat(again.created()).isFalse();
    assertThat(again.url()).isEqualTo("http://localhost:" + wiki.port()
        + "/wiki/spaces/PM/pages/777");
    wiki.verify(1, postRequestedFor(urlEqualTo("/wiki/rest/api/content")));
  }

  @Test
  void metricsNeedBothKeyEvents() {
    Map<String, Duration> metrics = ConfluencePages.metrics(new KeyEvents(null,
        Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:10:00Z"), null, null,
        Instant.parse("2026-01-01T02:40:00Z")));
    assertThat(metrics.get("Time to detect (started → detected)")).isNull();
    assertThat(metrics.get("Time to declare (detected → declared)")).isEqualTo(Duration.ofMinutes(10));
    assertThat(metrics.get("Time to resolve (declared → resolved)")).isEqualTo(Duration.ofMinutes(150));
  }

  @Test
  void theOnCallPageIsRewrittenWithTheNextVersionOnlyWhenItChanges() {
    var jdbc = IntegrationTestSupport.jdbc(dataSource);
    jdbc.sql("INSERT INTO pagerduty_escalation_policy (id, name) VALUES ('EP1', 'Checkout')").update();
    jdbc.sql("INSERT INTO pagerduty_user (id, name, email) VALUES ('U1', 'Alice', 'alice@example.com')").update();
    jdbc.sql("INSERT INTO pagerduty_oncall (escalation_policy_id, escalation_level, schedule_id,"
        + " user_id, user_name) VALUES ('EP1', 1, '', 'U1', 'Alice'), ('EP1', 2, '', 'U2', 'Bob')")
        .update();
    wiki.stubFor(get(urlEqualTo("/wiki/rest/api/content/123456?expand=version,body.storage"))
        .willReturn(okJson("{\"id\":\"123456\",\"title\":\"On-call\",\"version\":{\"number\":4},"
            + "\"body\":{\"storage\":{\"value\":\"<p>old</p>\"}}}")));
    wiki.stubFor(put(urlEqualTo("/wiki/rest/api/content/123456"))
        .willReturn(okJson("{\"id\":\"123456\",\"title\":\"On-call\",\"version\":{\"number\":5}}")));

    SyncReport report = activities.exportOnCallPage();

    assertThat(report.changes().get(0).updated()).isEqualTo(1);
    assertThat(report.changes().get(0).total()).isEqualTo(2);
    wiki.verify(putRequestedFor(urlEqualTo("/wiki/rest/api/content/123456"))
        .withRequestBody(matchingJsonPath("$.version.number", equalTo("5")))
        .withRequestBody(matchingJsonPath("$.title", equalTo("On-call")))
        .withRequestBody(matchingJsonPath("$.body.storage.value", containing("<h2>Checkout</h2>")))
        .withRequestBody(matchingJsonPath("$.body.storage.value",
            containing("Alice (alice@example.com)")))
        .withRequestBody(matchingJsonPath("$.body.storage.value", containing("<td>2</td>"))));

    String current = ConfluencePages.onCall(pagerDuty.onCalls());
    wiki.stubFor(get(urlEqualTo("/wiki/rest/api/content/123456?expand=version,body.storage"))
        .willReturn(okJson("{\"id\":\"123456\",\"title\":\"On-call\",\"version\":{\"number\":5},"
            + "\"body\":{\"storage\":{\"value\":" + IntegrationHttpJson.quote(current) + "}}}")));
    assertThat(activities.exportOnCallPage().changedAnything()).isFalse();
    wiki.verify(1, putRequestedFor(urlEqualTo("/wiki/rest/api/content/123456")));
  }

  @Test
  void theOnCallPageShowsFirebreaksEscalationPoliciesBeforePagerDutys() {
    firebreakRows = List.of(
        new OnCallRows.Row("Checkout primary", 1, "schedule Weekdays", List.of("Ann", "Bob")),
        new OnCallRows.Row("Checkout primary", 2, "team SRE", List.of()));
    wiki.stubFor(get(urlEqualTo("/wiki/rest/api/content/123456?expand=version,body.storage"))
        .willReturn(okJson("{\"id\":\"123456\",\"title\":\"On-call\",\"version\":"
            + "{\"number\":4},\"body\":{\"storage\":{\"value\":\"old\"}}}")));
    wiki.stubFor(put(urlEqualTo("/wiki/rest/api/content/123456"))
        .willReturn(okJson("{\"id\":\"123456\",\"title\":\"On-call\",\"version\":{\"number\":5}}")));

    SyncReport report = activities.exportOnCallPage();

    assertThat(report.changes().get(0).updated()).isEqualTo(1);
    wiki.verify(putRequestedFor(urlEqualTo("/wiki/rest/api/content/123456"))
        .withRequestBody(matchingJsonPath("$.body.storage.value",
            containing("<h2>Checkout primary</h2>")))
        .withRequestBody(matchingJsonPath("$.body.storage.value",
            containing("<td>1</td><td>schedule Weekdays</td><td>Ann, Bob</td>")))
        .withRequestBody(matchingJsonPath("$.body.storage.value",
            containing("<td>2</td><td>team SRE</td><td>—</td>"))));
  }

  /** JSON string quoting for stub bodies. */
  static final class IntegrationHttpJson {
    static String quote(String text) {
      return dev.firebreak.activities.integrations.http.IntegrationHttp.write(text);
    }
  }
}
