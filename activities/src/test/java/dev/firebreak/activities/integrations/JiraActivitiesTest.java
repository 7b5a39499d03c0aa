package dev.firebreak.activities.integrations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.firebreak.activities.directory.UserStore;
import dev.firebreak.activities.integrations.confluence.ConfluenceSettings;
import dev.firebreak.activities.integrations.jira.JiraActivitiesImpl;
import dev.firebreak.activities.integrations.jira.JiraClient;
import dev.firebreak.activities.integrations.jira.JiraSettings;
import dev.firebreak.activities.store.IncidentStore;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.integrations.messages.JiraTicket;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Jira activity against a fake Jira (WireMock) and a real PostgreSQL. */
class JiraActivitiesTest {

  static WireMockServer jiraServer;
  static DataSource dataSource;

  IncidentStore incidents;
  IncidentLinkStore links;
  UserStore users;
  JiraActivitiesImpl activities;

  @BeforeAll
  static void servers() {
    jiraServer = new WireMockServer(options().dynamicPort());
    jiraServer.start();
    dataSource = IntegrationTestSupport.database();
  }

  @AfterAll
  static void stop() {
    jiraServer.stop();
  }

  static JiraSettings jira(String url, String categoryField) {
    return new JiraSettings(true, url, "bot@example.com", "s3cret", false, "qraft-default",
        "INC", "https://toolbox.example", categoryField, "Incident", "incident,firebreak");
  }

  @BeforeEach
  void fresh() {
    jiraServer.resetAll();
    IntegrationTestSupport.jdbc(dataSource).sql("TRUNCATE incident, app_user CASCADE").update();
    incidents = new IncidentStore(IntegrationTestSupport.jdbc(dataSource));
    links = new IncidentLinkStore(IntegrationTestSupport.jdbc(dataSource));
    JiraSettings settings = jira("http://localhost:" + jiraServer.port(), "customfield_10042");
    ConfluenceSettings confluence =
        new ConfluenceSettings(false, "", "", "", "", "", "");
    users = new UserStore(IntegrationTestSupport.jdbc(dataSource));
    activities = new JiraActivitiesImpl(settings, new JiraClient(settings), links,
        IntegrationTestSupport.settings(settings, confluence), users);
  }

  @Test
  void aBareHostGetsHttps() {
    assertThat(jira("mycompany.atlassian.local/", null).apiUrl())
        .isEqualTo("https://mycompany.atlassian.local");
    assertThat(jira("http://jira.internal:8080", null).apiUrl())
        .isEqualTo("http://jira.internal:8080");
  }

  @Test
  void aNewIncidentGetsOneTicketWithItsPriorityReporterCategoryAndLinks() {
    Incident incident = IntegrationTestSupport.insertIncident(incidents, "Checkout is down",
        Priority.P2, "alice@example.com");
    String label = "firebreak-incident-" + incident.id();
    jiraServer.stubFor(get(urlPathEqualTo("/rest/api/2/search"))
        .withQueryParam("jql", equalTo("labels = \"" + label + "\""))
        .willReturn(okJson("{\"issues\":[]}")));
    jiraServer.stubFor(get(urlPathEqualTo("/rest/api/2/user/search"))
        .withQueryParam("query", equalTo("alice@example.com"))
        .willReturn(okJson("[{\"accountId\":\"acc-alice\",\"emailAddress\":\"alice@example.com\"}]")));
    jiraServer.stubFor(post(urlEqualTo("/rest/api/2/issue"))
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody("{\"id\":\"10001\",\"key\":\"INC-7\"}")));

    JiraTicket ticket = activities.createIncidentTicket(incident);

    String base = "http://localhost:" + jiraServer.port();
    assertThat(ticket).isEqualTo(new JiraTicket("INC-7", base + "/browse/INC-7", true));
    assertThat(links.links(incident.id()).jiraTicketKey()).isEqualTo("INC-7");
    assertThat(links.links(incident.id()).jiraTicketUrl()).isEqualTo(base + "/browse/INC-7");
    jiraServer.verify(1, postRequestedFor(urlEqualTo("/rest/api/2/issue"))
        .withHeader("Authorization", containing("Basic "))
        .withRequestBody(matchingJsonPath("$.fields.project.key", equalTo("INC")))
        .withRequestBody(matchingJsonPath("$.fields.issuetype.name", equalTo("Incident")))
        .withRequestBody(matchingJsonPath("$.fields.summary", equalTo("Checkout is down")))
        .withRequestBody(matchingJsonPath("$.fields.priority.id", equalTo("2")))
        .withRequestBody(matchingJsonPath("$.fields.reporter.id", equalTo("acc-alice")))
        .withRequestBody(matchingJsonPath("$.fields.labels",
            equalToJson("[\"incident\",\"firebreak\",\"" + label + "\"]")))
        .withRequestBody(matchingJsonPath("$.fields.customfield_10042.value",
            equalTo("payments")))
        .withRequestBody(matchingJsonPath("$.fields.description", containing("🚨 P2")))
        .withRequestBody(matchingJsonPath("$.fields.description",
            containing("https://firebreak.example/incidents/" + incident.id())))
        .withRequestBody(matchingJsonPath("$.fields.description",
            containing("*Category*: payments")))
        .withRequestBody(matchingJsonPath("$.fields.description",
            containing("https://toolbox.example"))));

    // a retry (the workflow did not hear back) finds the stored link and creates nothing
    JiraTicket again = activities.createIncidentTicket(incident);
    assertThat(again.key()).isEqualTo("INC-7");
    assertThat(again.created()).isFalse();
    jiraServer.verify(1, postRequestedFor(urlEqualTo("/rest/api/2/issue")));
  }

  @Test
  void aCreatorKnownToTheDirectoryIsTheReporterThroughTheirEmail() {
    users.create("Erin", "erin@example.com", "U0ERIN", "UTC");
    Incident incident =
        IntegrationTestSupport.insertIncident(incidents, "Queue backlog", Priority.P4, "U0ERIN");
    jiraServer.stubFor(get(urlPathEqualTo("/rest/api/2/search"))
        .willReturn(okJson("{\"issues\":[]}")));
    jiraServer.stubFor(get(urlPathEqualTo("/rest/api/2/user/search"))
        .withQueryParam("query", equalTo("erin@example.com"))
        .willReturn(okJson("[{\"accountId\":\"acc-erin\"}]")));
    jiraServer.stubFor(post(urlEqualTo("/rest/api/2/issue"))
        .willReturn(okJson("{\"key\":\"INC-11\"}")));

    activities.createIncidentTicket(incident);

    jiraServer.verify(postRequestedFor(urlEqualTo("/rest/api/2/issue"))
        .withRequestBody(matchingJsonPath("$.fields.reporter.id", equalTo("acc-erin")))
        .withRequestBody(matchingJsonPath("$.fields.priority.id", equalTo("4"))));
  }

  @Test
  void aTicketJiraAlreadyHasForTheIncidentIsLinkedNotDuplicated() {
    Incident incident =
        IntegrationTestSupport.insertIncident(incidents, "Search is slow", Priority.P3, "bob");
    jiraServer.stubFor(get(urlPathEqualTo("/rest/api/2/search"))
        .willReturn(okJson("{\"issues\":[{\"key\":\"INC-3\"}]}")));

    JiraTicket ticket = activities.createIncidentTicket(incident);

    assertThat(ticket.key()).isEqualTo("INC-3");
    assertThat(ticket.created()).isFalse();
    assertThat(links.links(incident.id()).jiraTicketKey()).isEqualTo("INC-3");
    jiraServer.verify(0, postRequestedFor(urlEqualTo("/rest/api/2/issue")));
  }

  @Test
  void onJiraCloudTheRetiredSearchFallsBackToSearchJql() {
    Incident incident =
        IntegrationTestSupport.insertIncident(incidents, "Cloud search", Priority.P3, "bob");
    jiraServer.stubFor(get(urlPathEqualTo("/rest/api/2/search"))
        .willReturn(aResponse().withStatus(410).withBody("{\"errorMessages\":[\"gone\"]}")));
    jiraServer.stubFor(get(urlPathEqualTo("/rest/api/2/search/jql"))
        .withQueryParam("jql", equalTo("labels = \"firebreak-incident-" + incident.id() + "\""))
        .willReturn(okJson("{\"issues\":[{\"key\":\"INC-5\"}]}")));

    assertThat(activities.createIncidentTicket(incident).key()).isEqualTo("INC-5");
    jiraServer.verify(0, postRequestedFor(urlEqualTo("/rest/api/2/issue")));
  }

  @Test
  void anUnknownCreatorFallsBackToTheDefaultReporterAndPrioritiesMapOneToFive() {
    Incident incident = IntegrationTestSupport.insertIncident(incidents, "Batch late",
        Priority.P5, "carol");
    jiraServer.stubFor(get(urlPathEqualTo("/rest/api/2/search"))
        .willReturn(okJson("{\"issues\":[]}")));
    jiraServer.stubFor(post(urlEqualTo("/rest/api/2/issue"))
        .willReturn(okJson("{\"key\":\"INC-9\"}")));

    activities.createIncidentTicket(incident);

    jiraServer.verify(postRequestedFor(urlEqualTo("/rest/api/2/issue"))
        .withRequestBody(matchingJsonPath("$.fields.reporter.id", equalTo("qraft-default")))
        .withRequestBody(matchingJsonPath("$.fields.priority.id", equalTo("5"))));
    jiraServer.verify(0, getRequestedFor(urlPathEqualTo("/rest/api/2/user/search")));
    for (Priority p : Priority.values()) {
      assertThat(JiraActivitiesImpl.priorityId(p)).isEqualTo(Integer.toString(p.ordinal() + 1));
    }
    assertThat(JiraActivitiesImpl.priorityId(null)).isEqualTo("1");
  }

  @Test
  void httpFailuresBecomeRetryDecisions() {
    Incident incident =
        IntegrationTestSupport.insertIncident(incidents, "Login fails", Priority.P1, "dave");
    jiraServer.stubFor(get(urlPathEqualTo("/rest/api/2/search"))
        .willReturn(okJson("{\"issues\":[]}")));

    jiraServer.stubFor(post(urlEqualTo("/rest/api/2/issue"))
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));
    ApplicationFailure limited =
        IntegrationTestSupport.failureOf(() -> activities.createIncidentTicket(incident));
    assertThat(limited.isNonRetryable()).isFalse();
    assertThat(limited.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(7));
    assertThat(limited.getType()).isEqualTo("JiraRateLimited");

    jiraServer.stubFor(post(urlEqualTo("/rest/api/2/issue"))
        .willReturn(aResponse().withStatus(503).withBody("maintenance")));
    ApplicationFailure down =
        IntegrationTestSupport.failureOf(() -> activities.createIncidentTicket(incident));
    assertThat(down.isNonRetryable()).isFalse();
    assertThat(down.getOriginalMessage()).contains("Jira answered 503", "maintenance");

    jiraServer.stubFor(post(urlEqualTo("/rest/api/2/issue"))
        .willReturn(aResponse().withStatus(400)
            .withBody("{\"errors\":{\"project\":\"project is required\"}}")));
    ApplicationFailure refused =
        IntegrationTestSupport.failureOf(() -> activities.createIncidentTicket(incident));
    assertThat(refused.isNonRetryable()).isTrue();
    assertThat(refused.getOriginalMessage()).contains("project is required");

    jiraServer.stop();
    try {
      ApplicationFailure unreachable =
          IntegrationTestSupport.failureOf(() -> activities.createIncidentTicket(incident));
      assertThat(unreachable.isNonRetryable()).isFalse();
      assertThat(unreachable.getType()).isEqualTo("JiraUnreachable");
    } finally {
      jiraServer.start();
    }
    assertThat(links.links(incident.id()).jiraTicketKey()).isNull();
  }
}
