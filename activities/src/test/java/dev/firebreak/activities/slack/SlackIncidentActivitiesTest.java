package dev.firebreak.activities.slack;

import dev.firebreak.activities.TestDatabase;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.firebreak.activities.store.IncidentStore;
import dev.firebreak.workflows.incident.messages.Environment;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.KeyEvents;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Roles;
import dev.firebreak.workflows.incident.messages.Status;
import dev.firebreak.workflows.slack.IncidentChannel;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Incident channels and posts against a fake Slack Web API and a real PostgreSQL. */
class SlackIncidentActivitiesTest {

  static WireMockServer slackServer;
  static DataSource dataSource;

  IncidentStore incidents;
  SlackStore store;
  SlackIncidentActivitiesImpl activities;

  @BeforeAll
  static void servers() {
    slackServer = new WireMockServer(options().dynamicPort());
    slackServer.start();
    dataSource = TestDatabase.migrated();
  }

  @AfterAll
  static void stop() {
    slackServer.stop();
  }

  @BeforeEach
  void fresh() {
    slackServer.resetAll();
    slackServer.stubFor(post(urlEqualTo("/api/conversations.create")).willReturn(okJson(
        "{\"ok\":true,\"channel\":{\"id\":\"C100\",\"name\":\"inc\"}}")));
    slackServer.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson(
        "{\"ok\":true,\"channel\":\"C100\",\"ts\":\"1700000000.000100\"}")));
    slackServer.stubFor(post(urlEqualTo("/api/pins.add")).willReturn(okJson("{\"ok\":true}")));
    JdbcClient jdbc = JdbcClient.create(dataSource);
    jdbc.sql("TRUNCATE incident, slack_message, slack_conversation CASCADE").update();
    incidents = new IncidentStore(jdbc);
    store = new SlackStore(jdbc);
    activities = new SlackIncidentActivitiesImpl(new SlackApi(settings(300)), store);
  }

  SlackSettings settings(long paceMillis) {
    return new SlackSettings("xoxb-test", "secret", "http://localhost:" + slackServer.port() + "/api",
        "", "/incident", List.of(), paceMillis, List.of());
  }

  Incident incident(String title, boolean privateIncident) {
    Instant t0 = Instant.parse("2026-11-22T10:00:00Z");
    Incident incident = new Incident(incidents.nextId(), title, null, Priority.P1, Environment.PRD,
        null, privateIncident, null, t0, "alice", Status.OPEN, null, Roles.NONE,
        KeyEvents.NONE.withDeclaredIfUnset(t0), 1, null);
    incidents.insert(incident);
    return incident;
  }

  List<LoggedRequest> calls(String method) {
    return slackServer.findAll(postRequestedFor(urlEqualTo("/api/" + method)));
  }

  @Test
  void openingAChannelTwiceCreatesPostsAndPinsOnce() {
    Incident incident = incident("Checkout down", true);
    IncidentChannel first = activities.openChannel(incident);
    IncidentChannel again = activities.openChannel(incident);

    assertThat(again).isEqualTo(first);
    assertThat(first).isEqualTo(
        new IncidentChannel("C100", "inc-" + incident.id() + "-checkout-down", true));
    assertThat(calls("conversations.create")).hasSize(1);
    assertThat(calls("conversations.create").get(0).getBodyAsString())
        .contains("name=inc-" + incident.id() + "-checkout-down", "is_private=1");
    assertThat(calls("chat.postMessage")).hasSize(1);
    assertThat(calls("pins.add")).hasSize(1);
    assertThat(store.incidentOfChannel("C100")).contains(incident.id());
  }

  @Test
  void aChannelCreatedByAnAttemptThatDiedBeforeRecordingItIsFoundByName() {
    Incident incident = incident("Search slow", false);
    String name = "inc-" + incident.id() + "-search-slow";
    slackServer.stubFor(post(urlEqualTo("/api/conversations.create")).willReturn(okJson(
        "{\"ok\":false,\"error\":\"name_taken\"}")));
    slackServer.stubFor(post(urlEqualTo("/api/conversations.list")).willReturn(okJson(
        "{\"ok\":true,\"channels\":[{\"id\":\"C200\",\"name\":\"" + name + "\","
            + "\"is_private\":false}],\"response_metadata\":{\"next_cursor\":\"\"}}")));
    assertThat(activities.openChannel(incident).channelId()).isEqualTo("C200");
    assertThat(store.channelOf(incident.id())).map(IncidentChannel::channelId).contains("C200");
  }

  @Test
  void a429AsksTemporalToRetryAfterRetryAfterAndAPermanentErrorIsNotRetried() {
    slackServer.stubFor(post(urlEqualTo("/api/chat.postMessage"))
        .withRequestBody(containing("channel=C_BUSY"))
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
            .withHeader("Content-Type", "application/json")
            .withBody("{\"ok\":false,\"error\":\"ratelimited\"}")));
    slackServer.stubFor(post(urlEqualTo("/api/chat.postMessage"))
        .withRequestBody(containing("channel=C_GONE"))
        .willReturn(okJson("{\"ok\":false,\"error\":\"channel_not_found\"}")));

    ApplicationFailure busy = failureOf(() -> activities.post("C_BUSY", "hello", "k-busy"));
    assertThat(busy.isNonRetryable()).isFalse();
    assertThat(busy.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(7));
    assertThat(busy.getType()).isEqualTo("SlackCallFailed:ratelimited");

    ApplicationFailure gone = failureOf(() -> activities.post("C_GONE", "hello", "k-gone"));
    assertThat(gone.isNonRetryable()).isTrue();
    assertThat(gone.getOriginalMessage()).contains("channel_not_found");
    assertThat(store.postedTs("k-busy")).isEmpty();
  }

  @Test
  void postsAreOncePerKeyAndPacedPerChannel() {
    activities = new SlackIncidentActivitiesImpl(new SlackApi(settings(1000)), store);
    long start = System.nanoTime();
    activities.post("C1", "one", "k1");
    activities.post("C1", "one again", "k1");
    activities.post("C1", "two", "k2");
    long c1 = (System.nanoTime() - start) / 1_000_000;
    long before = System.nanoTime();
    activities.post("C2", "elsewhere", "k3");
    long c2 = (System.nanoTime() - before) / 1_000_000;

    assertThat(calls("chat.postMessage")).hasSize(3);
    assertThat(c1).as("the second post in C1 waits for the pace").isGreaterThanOrEqualTo(1000);
    assertThat(c2).as("a post in another channel does not wait").isLessThan(1000);
  }

  @Test
  void publicProductionIncidentsAreAnnouncedAndP1sWarnDeployers() {
    JdbcClient jdbc = JdbcClient.create(dataSource);
    jdbc.sql("INSERT INTO slack_conversation (channel_id, name, tag) VALUES"
        + " ('C_TECH', 'tech', 'tech_incidents'), ('C_DEPLOY', 'deploy', 'it_deploy')").update();
    IncidentChannel channel = new IncidentChannel("C9", "inc-9", false);
    assertThat(activities.announce(incident("Secret", true), channel)).isZero();
    Incident staging = incident("Staging only", false);
    assertThat(activities.announce(new Incident(staging.id(), staging.title(), null,
        Priority.P1, Environment.STG, null, false, null, staging.createdAt(), "alice",
        Status.OPEN, null, Roles.NONE, staging.keyEvents(), 1, null), channel)).isZero();
    assertThat(calls("chat.postMessage")).isEmpty();

    Incident p1 = incident("Public", false);
    assertThat(activities.announce(p1, channel)).isEqualTo(2);
    assertThat(activities.announce(p1, channel)).isEqualTo(2); // a retry posts nothing new
    assertThat(calls("chat.postMessage")).hasSize(2);
    assertThat(calls("chat.postMessage").get(0).getBodyAsString()).contains("channel=C_TECH");
    assertThat(calls("chat.postMessage").get(1).getBodyAsString())
        .contains("channel=C_DEPLOY", "Hold%20deployments");
  }

  static ApplicationFailure failureOf(Runnable call) {
    try {
      call.run();
    } catch (ApplicationFailure failure) {
      return failure;
    }
    throw new AssertionError("no ApplicationFailure was thrown");
  }
}
