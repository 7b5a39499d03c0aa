package dev.firebreak.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.protobuf.util.Durations;
import dev.firebreak.api.slack.SlackSignatureVerifier;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.RegisterNamespaceRequest;
import dev.firebreak.workflows.slack.SlackSyncWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;
import io.temporal.client.schedules.ScheduleIntervalSpec;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Slack app end to end: the application on the real Temporal dev server (in a namespace of its
 * own, so that other test contexts' workers, which have no Slack, never run these workflows) and
 * PostgreSQL, Slack's requests signed as Slack signs them, and a fake Slack Web API that records
 * the calls Slack would receive.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "TEMPORAL_NAMESPACE=" + SlackEndToEndTest.NAMESPACE,
      "SLACK_BOT_TOKEN=xoxb-test",
      "SLACK_SIGNING_SECRET=" + SlackEndToEndTest.SECRET,
      "SLACK_INCIDENT_COMMAND_ALIASES=/firebreak",
      "SLACK_SOS_TARGETS=S_SOS,C_SOS",
      "firebreak.slack.channel-pace-millis=200"
    })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SlackEndToEndTest {

  static final String NAMESPACE = "firebreak-slack-e2e";
  static final String SECRET = "e2e-signing-secret";
  static final ObjectMapper JSON = new ObjectMapper();
  static final SlackFake slack = new SlackFake();

  static {
    String address = TemporalDevServer.shared().address();
    System.setProperty("TEMPORAL_ADDRESS", address);
    registerNamespace(address);
  }

  @DynamicPropertySource
  static void slackUrl(DynamicPropertyRegistry registry) {
    registry.add("firebreak.slack.api-url", slack::apiUrl);
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired WorkflowClient temporal;
  @Autowired WorkflowServiceStubs stubs;
  Http http;
  final HttpClient client = HttpClient.newHttpClient();
  final SlackSignatureVerifier signer = new SlackSignatureVerifier(SECRET, Clock.systemUTC());

  @BeforeEach
  void setUp() {
    http = new Http(port);
    slack.reset();
    // the channel where new incidents are announced, and who is invited to which incident
    assertThat(http.put("/api/v1/slack/conversations/C_TECH", "{\"tag\":\"tech_incidents\"}")
        .status()).isEqualTo(200);
    assertThat(http.put("/api/v1/slack/usergroups/S_P1", "{\"tag\":\"invited_for_all_public_p1\"}")
        .status()).isEqualTo(200);
    assertThat(http.put("/api/v1/slack/usergroups/S_PAY", "{\"categories\":[\"payments\"]}")
        .status()).isEqualTo(200);
    // these tests act as Slack user U9: a Firebreak responder (Slack roles are applied). U9 is
    // shorter than a real Slack id, which the users API refuses, so the row is written directly
    jdbc.sql("INSERT INTO app_user (name, email, slack_user_id, time_zone, role)"
        + " VALUES ('alice', 'alice-u9@slack.test', 'U9', 'UTC', 'responder')"
        + " ON CONFLICT DO NOTHING").update();
    assertThat(jdbc.sql("SELECT role FROM app_user WHERE slack_user_id = 'U9'")
        .query(String.class).single()).isEqualTo("responder");
  }

  Reply commandAs(String userId, String text, String channelId) {
    String body = "token=t&team_id=T1&team_domain=acme&channel_id=" + channelId
        + "&channel_name=general&user_id=" + userId + "&user_name=stranger&command="
        + enc("/incident") + "&text=" + enc(text) + "&api_app_id=A1"
        + "&response_url=" + enc("https://hooks.slack.invalid/commands/1")
        + "&trigger_id=" + enc("trigger-" + text.replace(' ', '-'));
    return send("application/x-www-form-urlencoded", body, Map.of(), true);
  }

  @Test
  void aSlackUserWhoIsNoFirebreakUserMayDeclareButIsRefusedAnUpdate() {
    // no incident needed (opening one would leave channel work running into the next test): the
    // gate answers before any scenario, where a known user would hear "not an incident's channel"
    String channel = "C_GENERAL";
    String stranger = "U0STRANGER" + Long.toString(System.nanoTime() % 1_000_000L, 36)
        .toUpperCase();

    Reply refused = commandAs(stranger, "update", channel);
    assertThat(refused.status()).isEqualTo(200);
    assertThat(refused.json().get("text").asText())
        .startsWith(":no_entry:").contains("not a Firebreak user yet");
    assertThat(slack.forms("views.open", f -> true)).noneMatch(
        f -> f.getOrDefault("view", "").contains("\"callback_id\":\"incident_update\""));

    // declaring stays open to anyone: the open form is shown
    assertThat(commandAs(stranger, "open", channel).status()).isEqualTo(200);
    assertThat(slack.forms("views.open", f -> true)).anyMatch(
        f -> f.getOrDefault("view", "").contains("\"callback_id\":\"incident_open\""));
  }

  // --- Slack's requests, signed

  record Reply(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError(body, e);
      }
    }
  }

  Reply send(String contentType, String body, Map<String, String> extraHeaders, boolean sign) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String ts = String.valueOf(Instant.now().getEpochSecond());
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/slack/events"))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    if (sign) {
      request.header("X-Slack-Request-Timestamp", ts)
          .header("X-Slack-Signature", signer.sign(ts, bytes));
    }
    extraHeaders.forEach(request::header);
    try {
      HttpResponse<String> response = client.send(request.build(),
          HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  Reply command(String text, String channelId) {
    return command("/incident", text, channelId);
  }

  Reply command(String command, String text, String channelId) {
    String body = "token=t&team_id=T1&team_domain=acme&channel_id=" + channelId
        + "&channel_name=general&user_id=U9&user_name=alice&command=" + enc(command)
        + "&text=" + enc(text) + "&api_app_id=A1"
        + "&response_url=" + enc("https://hooks.slack.invalid/commands/1")
        + "&trigger_id=" + enc("trigger-" + text.replace(' ', '-'));
    return send("application/x-www-form-urlencoded", body, Map.of(), true);
  }

  Reply submit(String callbackId, String viewId, String privateMetadata,
      Map<String, JsonNode> values) {
    ObjectNode payload = JSON.createObjectNode();
    payload.put("type", "view_submission");
    payload.putObject("team").put("id", "T1").put("domain", "acme");
    payload.putObject("user").put("id", "U9").put("username", "alice").put("team_id", "T1");
    payload.put("api_app_id", "A1");
    payload.put("trigger_id", "trigger-" + viewId);
    ObjectNode view = payload.putObject("view");
    view.put("id", viewId).put("hash", viewId + "-hash").put("type", "modal")
        .put("callback_id", callbackId).put("team_id", "T1").put("app_id", "A1")
        .put("private_metadata", privateMetadata == null ? "" : privateMetadata);
    ObjectNode state = view.putObject("state").putObject("values");
    values.forEach((block, value) -> state.putObject(block).set("value", value));
    return send("application/x-www-form-urlencoded", "payload=" + enc(payload.toString()),
        Map.of(), true);
  }

  static JsonNode text(String value) {
    return JSON.createObjectNode().put("type", "plain_text_input").put("value", value);
  }

  static JsonNode selected(String value) {
    ObjectNode node = JSON.createObjectNode().put("type", "static_select");
    node.putObject("selected_option").put("value", value)
        .putObject("text").put("type", "plain_text").put("text", value);
    return node;
  }

  static JsonNode user(String id) {
    return JSON.createObjectNode().put("type", "users_select").put("selected_user", id);
  }

  static JsonNode checked(String value) {
    ObjectNode node = JSON.createObjectNode().put("type", "checkboxes");
    node.putArray("selected_options").addObject().put("value", value)
        .putObject("text").put("type", "plain_text").put("text", value);
    return node;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  // --- helpers on Firebreak's side

  long openFromModal(String viewId, String title, String priority, String category,
      boolean privateIncident) {
    Map<String, JsonNode> values = new java.util.LinkedHashMap<>();
    values.put("title", text(title));
    values.put("description", text("seen from Slack"));
    values.put("priority", selected(priority));
    values.put("environment", selected("PRD"));
    if (category != null) {
      values.put("category", text(category));
    }
    if (privateIncident) {
      values.put("private", checked("private"));
    }
    Reply reply = submit("incident_open", viewId, null, values);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().get("response_action").asText()).isEqualTo("update");
    // the modal turns into "Incident opened" with its number
    java.util.regex.Matcher number = java.util.regex.Pattern.compile("\\*#(\\d+) ")
        .matcher(reply.json().get("view").toString());
    assertThat(number.find()).as(reply.body()).isTrue();
    long id = Long.parseLong(number.group(1));
    assertThat(http.get("/api/v1/incidents/" + id).json().get("title").asText()).isEqualTo(title);
    return id;
  }

  String channelOf(long incidentId) {
    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
            "SELECT count(*) FROM slack_incident_channel WHERE incident_id = :id")
        .param("id", incidentId).query(Long.class).single() == 1);
    return jdbc.sql("SELECT channel_id FROM slack_incident_channel WHERE incident_id = :id")
        .param("id", incidentId).query(String.class).single();
  }

  List<Map<String, String>> postsIn(String channel) {
    return slack.forms("chat.postMessage", f -> channel.equals(f.get("channel")));
  }

  JsonNode timeline(long id) {
    return http.get("/api/v1/incidents/" + id).json().get("timeline");
  }

  // --- the tests

  @Test
  void unsignedOrBadlySignedRequestsAre401AndDoNothing() {
    String body = "command=%2Fincident&text=open&trigger_id=x&user_id=U9&team_id=T1";
    Reply unsigned = send("application/x-www-form-urlencoded", body, Map.of(), false);
    assertThat(unsigned.status()).isEqualTo(401);
    String ts = String.valueOf(Instant.now().getEpochSecond());
    Reply forged = send("application/x-www-form-urlencoded", body, Map.of(
        "X-Slack-Request-Timestamp", ts,
        "X-Slack-Signature", new SlackSignatureVerifier("wrong", Clock.systemUTC())
            .sign(ts, body.getBytes(StandardCharsets.UTF_8))), false);
    assertThat(forged.status()).isEqualTo(401);
    String old = String.valueOf(Instant.now().minusSeconds(600).getEpochSecond());
    Reply stale = send("application/x-www-form-urlencoded", body, Map.of(
        "X-Slack-Request-Timestamp", old,
        "X-Slack-Signature", signer.sign(old, body.getBytes(StandardCharsets.UTF_8))), false);
    assertThat(stale.status()).isEqualTo(401);
    assertThat(slack.calls("views.open")).isEmpty();
  }

  @Test
  void aP1OpenedFromTheModalGetsItsChannelAnnouncementAndResponders() {
    Reply opened = command("open", "C_GENERAL");
    assertThat(opened.status()).isEqualTo(200);
    List<LoggedRequest> views = slack.calls("views.open");
    assertThat(views).hasSize(1);
    Map<String, String> viewsOpen = SlackFake.form(views.get(0).getBodyAsString());
    assertThat(viewsOpen.get("trigger_id")).isEqualTo("trigger-open");
    assertThat(viewsOpen.get("view")).contains("\"callback_id\":\"incident_open\"");

    long id = openFromModal("V_OPEN_1", "Checkout returns 500 — paiement refusé", "P1",
        "payments", false);
    String channel = channelOf(id);

    Map<String, String> create = slack.forms("conversations.create", f -> true).get(0);
    assertThat(create.get("name")).isEqualTo("inc-" + id + "-checkout-returns-500-paiement-refuse");
    assertThat(create.get("is_private")).isEqualTo("0");
    await().atMost(Duration.ofSeconds(30)).until(() -> !postsIn("C_TECH").isEmpty()
        && !slack.calls("conversations.invite").isEmpty() && !slack.calls("pins.add").isEmpty());
    assertThat(postsIn(channel).get(0).get("text"))
        .contains("Incident #" + id, "P1", "PRD", "payments", "alice");
    assertThat(postsIn("C_TECH").get(0).get("text")).contains("P1", "<#" + channel + ">");
    Map<String, String> invite = slack.forms("conversations.invite", f -> true).get(0);
    assertThat(invite.get("channel")).isEqualTo(channel);
    // category "payments" (S_PAY: U3 and the bot), the public P1 group (S_P1: U1, U2) and the
    // opener (U9), each once, the bot left out
    assertThat(List.of(invite.get("users").split(",")))
        .containsExactlyInAnyOrder("U3", "U1", "U2", "U9");

    JsonNode incident = http.get("/api/v1/incidents/" + id).json();
    assertThat(incident.get("createdBy").asText()).isEqualTo("alice");
    assertThat(incident.get("priority").asText()).isEqualTo("P1");

    // the same submission delivered again opens nothing new
    openFromModalAgain("V_OPEN_1", "Checkout returns 500 — paiement refusé");
  }

  void openFromModalAgain(String viewId, String title) {
    Reply again = submit("incident_open", viewId, null,
        Map.of("title", text(title), "priority", selected("P1")));
    assertThat(again.status()).isEqualTo(200);
    assertThat(jdbc.sql("SELECT count(*) FROM incident WHERE title = :t").param("t", title)
        .query(Long.class).single()).isEqualTo(1); // a title no other test uses
  }

  @Test
  void anUpdateFromTheModalIsPostedInTheChannelAndRefusalsShowInTheModal() throws Exception {
    long id = openFromModal("V_OPEN_2", "Search indexers lag behind", "P2", null, false);
    String channel = channelOf(id);
    // U07CAROL1 is a Firebreak user: the timeline names them as the directory does
    Http.Response carol = http.post("/api/v1/users", "{\"name\":\"Carol Danvers\","
        + "\"email\":\"carol-" + id + "@example.com\",\"slackUserId\":\"U07CAROL1\"}");
    assertThat(carol.status()).as(carol.body()).isIn(200, 201, 409);

    assertThat(command("update", channel).status()).isEqualTo(200);
    Map<String, String> viewsOpen = slack.forms("views.open", f -> true).get(0);
    assertThat(viewsOpen.get("view")).contains("\"callback_id\":\"incident_update\"",
        "\"private_metadata\":\"" + id + "\"");

    Reply updated = submit("incident_update", "V_UPD_1", String.valueOf(id), Map.of(
        "status", selected("INVESTIGATING"), "message", text("looking at the indexers"),
        "commander", user("U07CAROL1"), "priority", selected("P1"),
        "environment", selected("PRD"), "title", text("Search indexers lag behind")));
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    assertThat(updated.body()).isEmpty();
    await().atMost(Duration.ofSeconds(30)).until(() -> postsIn(channel).stream().anyMatch(
        p -> p.get("text").contains("Status changed from OPEN to INVESTIGATING")));
    await().atMost(Duration.ofSeconds(30)).until(() -> postsIn(channel).stream().anyMatch(
        p -> p.get("text").contains("commander Carol Danvers")));
    await().atMost(Duration.ofSeconds(30)).until(() -> postsIn(channel).stream().anyMatch(
        p -> p.get("text").contains("priority P2 → P1")));
    JsonNode incident = http.get("/api/v1/incidents/" + id).json();
    assertThat(incident.get("status").asText()).isEqualTo("INVESTIGATING");
    assertThat(incident.get("priority").asText()).isEqualTo("P1");
    assertThat(incident.get("roles").get("commander").asText()).isEqualTo("Carol Danvers");

    Reply refused = submit("incident_update", "V_UPD_2", String.valueOf(id), Map.of(
        "status", selected("OPEN"), "priority", selected("P1")));
    assertThat(refused.status()).isEqualTo(200);
    assertThat(refused.json().get("response_action").asText()).isEqualTo("errors");
    assertThat(refused.json().get("errors").get("status").asText())
        .contains("cannot go back to OPEN");
    assertThat(http.get("/api/v1/incidents/" + id).json().get("status").asText())
        .isEqualTo("INVESTIGATING");

    // the status subcommand in the incident's channel shows it
    Reply status = command("status", channel);
    assertThat(status.json().get("text").asText()).contains("#" + id, "INVESTIGATING");
  }

  @Test
  void closingFromTheModalAsksForAReasonWhenTheLifecycleDoes() {
    long id = openFromModal("V_OPEN_3", "Billing queue backlog", "P3", null, true);
    String channel = channelOf(id);
    Map<String, String> create = slack.forms("conversations.create",
        f -> f.get("name").startsWith("inc-" + id + "-")).get(0);
    assertThat(create.get("is_private")).isEqualTo("1");
    // a private incident is not announced
    assertThat(postsIn("C_TECH")).isEmpty();

    assertThat(command("close", channel).status()).isEqualTo(200);
    assertThat(slack.forms("views.open", f -> true).get(0).get("view"))
        .contains("\"callback_id\":\"incident_close\"", "needs a closure reason");

    Reply refused = submit("incident_close", "V_CLOSE_1", String.valueOf(id),
        Map.of("message", text("not needed")));
    assertThat(refused.json().get("response_action").asText()).isEqualTo("errors");
    assertThat(refused.json().get("errors").get("closure_reason").asText())
        .contains("needs a closureReason");

    Reply closed = submit("incident_close", "V_CLOSE_2", String.valueOf(id),
        Map.of("closure_reason", selected("FALSE_POSITIVE"), "message", text("a test alert")));
    assertThat(closed.status()).isEqualTo(200);
    assertThat(closed.body()).isEmpty();
    await().atMost(Duration.ofSeconds(30)).until(() -> postsIn(channel).stream().anyMatch(
        p -> p.get("text").contains("to CLOSED (FALSE_POSITIVE): a test alert")));
    assertThat(http.get("/api/v1/incidents/" + id).json().get("status").asText())
        .isEqualTo("CLOSED");
  }

  @Test
  void aFailingInviteProviderIsNotedAndTheOthersStillInvite() {
    slack.failing("usergroups.users.list", "usergroup=S_PAY", "no_such_subteam");
    long id = openFromModal("V_OPEN_4", "Payments provider down", "P1", "payments", false);
    String channel = channelOf(id);

    await().atMost(Duration.ofSeconds(60)).until(() -> {
      for (JsonNode entry : timeline(id)) {
        if (entry.get("message").asText().contains("invite provider category failed")) {
          return true;
        }
      }
      return false;
    });
    Map<String, String> invite = slack.forms("conversations.invite",
        f -> channel.equals(f.get("channel"))).get(0);
    assertThat(List.of(invite.get("users").split(","))).containsExactlyInAnyOrder("U1", "U2", "U9");
    JsonNode note = null;
    for (JsonNode entry : timeline(id)) {
      if (entry.get("message").asText().contains("invite provider category failed")) {
        note = entry;
      }
    }
    assertThat(note.get("message").asText()).contains("no_such_subteam");
    assertThat(note.get("author").asText()).isEqualTo("Firebreak");
    assertThat(note.get("kind").asText()).isEqualTo("INTEGRATION");
  }

  @Test
  void a429IsRetriedAfterRetryAfter() {
    // the announcement in C_TECH is refused once with 429 and Retry-After: 2
    slack.rateLimitedOnce("chat.postMessage", "Throttled-checkout-429", "channel=C_TECH", 2);
    long id = openFromModal("V_OPEN_5", "Throttled-checkout-429", "P2", null, false);
    channelOf(id);
    await().atMost(Duration.ofSeconds(30)).until(() -> slack.calls("chat.postMessage").stream()
        .filter(r -> r.getBodyAsString().contains("Throttled-checkout-429")
            && r.getBodyAsString().contains("C_TECH"))
        .count() == 2);
    List<LoggedRequest> attempts = slack.calls("chat.postMessage").stream()
        .filter(r -> r.getBodyAsString().contains("Throttled-checkout-429")
            && r.getBodyAsString().contains("C_TECH"))
        .toList();
    long gap = attempts.get(1).getLoggedDate().getTime() - attempts.get(0).getLoggedDate().getTime();
    assertThat(gap).isGreaterThanOrEqualTo(2000);
  }

  @Test
  void aMegaReactionAddsTheMessageToTheTimelineOnceDespiteSlacksRetries() {
    long id = openFromModal("V_OPEN_6", "Cache stampede", "P2", null, false);
    String channel = channelOf(id);
    slack.answer("conversations.history", "{\"ok\":true,\"messages\":[{\"type\":\"message\","
        + "\"user\":\"U5\",\"text\":\"hit ratio back to 98%\",\"ts\":\"1700000000.000200\"}]}");
    String event = "{\"token\":\"t\",\"team_id\":\"T1\",\"api_app_id\":\"A1\","
        + "\"type\":\"event_callback\",\"event_id\":\"Ev_MEGA_1\",\"event_time\":1700000000,"
        + "\"event\":{\"type\":\"reaction_added\",\"user\":\"U9\",\"reaction\":\"mega\","
        + "\"item_user\":\"U5\",\"item\":{\"type\":\"message\",\"channel\":\"" + channel + "\","
        + "\"ts\":\"1700000000.000200\"},\"event_ts\":\"1700000001.000100\"}}";
    assertThat(send("application/json", event, Map.of(), true).status()).isEqualTo(200);
    assertThat(send("application/json", event, Map.of("X-Slack-Retry-Num", "1",
        "X-Slack-Retry-Reason", "http_timeout"), true).status()).isEqualTo(200);

    long added = 0;
    for (JsonNode entry : timeline(id)) {
      if (entry.get("message").asText().contains("hit ratio back to 98%")) {
        added++;
        assertThat(entry.get("kind").asText()).isEqualTo("UPDATE");
      }
    }
    assertThat(added).isEqualTo(1);
  }

  Reply click(String actionId, String value, String userId) {
    ObjectNode payload = JSON.createObjectNode();
    payload.put("type", "block_actions");
    payload.putObject("team").put("id", "T1").put("domain", "acme");
    payload.putObject("user").put("id", userId).put("username", "responder")
        .put("team_id", "T1");
    payload.put("api_app_id", "A1");
    payload.put("trigger_id", "trigger-" + actionId + "-" + System.nanoTime());
    payload.put("response_url", slack.apiUrl() + "response/1");
    payload.putObject("container").put("type", "message");
    payload.putObject("channel").put("id", "D1").put("name", "directmessage");
    ObjectNode action = payload.putArray("actions").addObject();
    action.put("action_id", actionId).put("block_id", "b1").put("value", value)
        .put("type", "button").put("action_ts", Instant.now().getEpochSecond() + "."
            + System.nanoTime() % 1_000_000);
    action.putObject("text").put("type", "plain_text").put("text", actionId);
    return send("application/x-www-form-urlencoded", "payload=" + enc(payload.toString()),
        Map.of(), true);
  }

  List<String> responses() {
    return slack.calls("response/1").stream().map(LoggedRequest::getBodyAsString).toList();
  }

  @Test
  void oncallShowsWhoIsOnCallAndItsButtonsPageAcknowledgeAndResolve() {
    slack.answer("response/1", "{\"ok\":true}");
    String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    String annSlack = "U0ANN" + run;
    long ann = http.post("/api/v1/users", "{\"name\":\"Oncall Ann " + run
        + "\",\"email\":\"ann." + run + "@oncall.test\",\"slackUserId\":\"" + annSlack
        + "\"}").json().get("id").asLong();
    long schedule = http.post("/api/v1/schedules", """
        {"name": "Primary %s", "timeZone": "UTC",
         "layers": [{"start": "2026-01-01T00:00:00", "rotation": "daily", "users": [%d]}]}"""
        .formatted(run, ann)).json().get("id").asLong();
    long policy = http.post("/api/v1/escalation-policies", """
        {"name": "Checkout %s", "steps": [{"delayMinutes": 30,
          "targets": [{"type": "schedule", "id": %d}]}]}""".formatted(run, schedule))
        .json().get("id").asLong();
    long service = http.post("/api/v1/services", "{\"name\":\"Checkout " + run
        + "\",\"escalationPolicyId\":" + policy + "}").json().get("id").asLong();

    Reply oncall = command("oncall", "C_GENERAL");
    assertThat(oncall.status()).isEqualTo(200);
    assertThat(oncall.json().get("text").asText())
        .contains("*Primary " + run + "*: <@" + annSlack + ">");
    assertThat(oncall.body()).contains("\"action_id\":\"oncall_page_" + service + "\"",
        "Page Checkout " + run);

    // the button opens an incident on the service: its policy pages Ann, who is invited too
    assertThat(click("oncall_page_" + service, String.valueOf(service), "U9").status())
        .isEqualTo(200);
    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
            "SELECT count(*) FROM incident WHERE service_id = :s").param("s", service)
        .query(Long.class).single() == 1);
    long incident = jdbc.sql("SELECT id FROM incident WHERE service_id = :s")
        .param("s", service).query(Long.class).single();
    await().atMost(Duration.ofSeconds(30)).until(() -> slack.calls("chat.postMessage").stream()
        .anyMatch(r -> r.getBodyAsString().contains("\"channel\":\"" + annSlack + "\"")
            && r.getBodyAsString().contains("incident_acknowledge")));
    await().atMost(Duration.ofSeconds(30)).until(() -> slack.forms("conversations.invite",
        f -> String.valueOf(f.get("users")).contains(annSlack)).size() == 1);
    assertThat(responses()).anyMatch(r -> r.contains("Incident #" + incident + " opened on"));

    // Acknowledge, then Resolve, from the page's buttons
    assertThat(click("incident_acknowledge", String.valueOf(incident), annSlack).status())
        .isEqualTo(200);
    JsonNode acknowledged = http.get("/api/v1/incidents/" + incident).json();
    assertThat(acknowledged.get("keyEvents").get("acknowledged").isNull()).isFalse();
    assertThat(acknowledged.get("timeline").toString()).contains("Oncall Ann " + run);
    click("incident_resolve", String.valueOf(incident), annSlack);
    assertThat(http.get("/api/v1/incidents/" + incident).json().get("status").asText())
        .isEqualTo("MITIGATED");
    click("incident_resolve", String.valueOf(incident), annSlack);
    assertThat(responses()).anyMatch(r -> r.contains("already MITIGATED"));
  }

  @Test
  void helpStatusAliasesAndUnknownSubcommands() {
    assertThat(command("", "C_GENERAL").json().get("text").asText())
        .contains("/incident open", "/incident update", "/incident close", "/incident status");
    Reply unknown = command("frobnicate", "C_GENERAL");
    assertThat(unknown.json().get("text").asText())
        .startsWith(":warning: Unknown subcommand `frobnicate`").contains("/incident help");
    assertThat(command("/firebreak", "help", "C_GENERAL").json().get("text").asText())
        .contains("/firebreak open");
    assertThat(command("update", "C_GENERAL").json().get("text").asText())
        .contains("not an incident's channel");
  }

  @Test
  void slackIsSyncedOnATemporalScheduleAndOnDemand() throws Exception {
    ScheduleClient schedules = ScheduleClient.newInstance(stubs,
        ScheduleClientOptions.newBuilder().setNamespace(NAMESPACE).build());
    assertThat(schedules.getHandle(SlackSyncWorkflow.SCHEDULE_ID).describe().getSchedule()
        .getSpec().getIntervals()).extracting(ScheduleIntervalSpec::getEvery)
        .containsExactly(Duration.ofHours(1));

    Http.Response started = http.post("/api/v1/slack/sync", "{}");
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    String workflowId = started.json().get("workflowId").asText();
    SlackSyncWorkflow.SyncReport report = temporal.newUntypedWorkflowStub(workflowId)
        .getResult(30, java.util.concurrent.TimeUnit.SECONDS, SlackSyncWorkflow.SyncReport.class);
    assertThat(report.failures()).isEmpty();
    assertThat(report.users()).isEqualTo(3);
    assertThat(report.usergroups()).isEqualTo(2);
    assertThat(report.conversations()).isEqualTo(2);
    assertThat(jdbc.sql("SELECT email FROM slack_user WHERE user_id = 'U1'").query(String.class)
        .single()).isEqualTo("ann@example.com");
    assertThat(jdbc.sql("SELECT deleted FROM slack_user WHERE user_id = 'U2'")
        .query(Boolean.class).single()).isTrue();
    assertThat(jdbc.sql("SELECT archived FROM slack_conversation WHERE channel_id = 'C_OLD'")
        .query(Boolean.class).single()).isTrue();
    // the sync keeps Firebreak's settings: C_TECH is still tagged
    assertThat(jdbc.sql("SELECT tag FROM slack_conversation WHERE channel_id = 'C_TECH'")
        .query(String.class).single()).isEqualTo("tech_incidents");
    assertThat(http.get("/api/v1/slack/usergroups").json().toString()).contains("S_P1", "sre");
  }

  @Test
  void theShortcutOpensTheFormAndTheAppHomeListsOpenP1AndP2Incidents() {
    long id = openFromModal("V_OPEN_7", "Home tab incident", "P1", null, false);
    ObjectNode shortcut = JSON.createObjectNode();
    shortcut.put("type", "shortcut").put("callback_id", "open_incident")
        .put("trigger_id", "trigger-shortcut").put("action_ts", "1700000000.1");
    shortcut.putObject("team").put("id", "T1").put("domain", "acme");
    shortcut.putObject("user").put("id", "U9").put("username", "alice").put("team_id", "T1");
    assertThat(send("application/x-www-form-urlencoded", "payload=" + enc(shortcut.toString()),
        Map.of(), true).status()).isEqualTo(200);
    assertThat(slack.forms("views.open", f -> "trigger-shortcut".equals(f.get("trigger_id"))))
        .singleElement().satisfies(f -> assertThat(f.get("view")).contains("incident_open"));

    String event = "{\"token\":\"t\",\"team_id\":\"T1\",\"api_app_id\":\"A1\","
        + "\"type\":\"event_callback\",\"event_id\":\"Ev_HOME_1\",\"event_time\":1700000000,"
        + "\"event\":{\"type\":\"app_home_opened\",\"user\":\"U9\",\"channel\":\"D1\","
        + "\"tab\":\"home\",\"event_ts\":\"1700000001.000100\"}}";
    assertThat(send("application/json", event, Map.of(), true).status()).isEqualTo(200);
    Map<String, String> publish = slack.forms("views.publish", f -> true).get(0);
    assertThat(publish.get("user_id")).isEqualTo("U9");
    assertThat(publish.get("view")).contains("\"type\":\"home\"", "home_open",
        "#" + id + " Home tab incident", "\"value\":\"" + id + "\"");

    // its Close button opens the close form for that incident
    ObjectNode click = JSON.createObjectNode();
    click.put("type", "block_actions").put("trigger_id", "trigger-home-close")
        .put("api_app_id", "A1");
    click.putObject("team").put("id", "T1").put("domain", "acme");
    click.putObject("user").put("id", "U9").put("username", "alice").put("team_id", "T1");
    click.putObject("container").put("type", "view").put("view_id", "VHOME");
    click.putArray("actions").addObject().put("type", "button").put("action_id", "home_close")
        .put("block_id", "b1").put("value", String.valueOf(id)).put("action_ts", "1700000002.1");
    assertThat(send("application/x-www-form-urlencoded", "payload=" + enc(click.toString()),
        Map.of(), true).status()).isEqualTo(200);
    assertThat(slack.forms("views.open", f -> "trigger-home-close".equals(f.get("trigger_id"))))
        .singleElement().satisfies(f -> assertThat(f.get("view"))
            .contains("incident_close", "\"private_metadata\":\"" + id + "\""));
  }

  @Test
  void sosCallsTheConfiguredRespondersOnceAndNotesItOnTheTimeline() {
    long id = openFromModal("V_OPEN_8", "Database on fire", "P2", null, false);
    String channel = channelOf(id);
    Reply called = command("sos need a DBA", channel);
    assertThat(called.json().get("text").asText()).contains("Calling 2 SOS responders");
    // Slack delivering the same command twice calls once
    command("sos need a DBA", channel);

    await().atMost(Duration.ofSeconds(30)).until(() -> postsIn("C_SOS").size() == 1
        && postsIn(channel).stream().anyMatch(p -> p.get("text").contains("<!subteam^S_SOS>")));
    assertThat(postsIn("C_SOS").get(0).get("text"))
        .contains("<#" + channel + ">", "incident #" + id, "need a DBA", "alice");
    assertThat(postsIn(channel).stream().filter(p -> p.get("text").contains("<!subteam^S_SOS>")))
        .hasSize(1);
    assertThat(timeline(id).toString()).contains("SOS sent to S_SOS, C_SOS: need a DBA");
  }

  /**
   * How long Slack waits for our answer (it gives up after 3 s): opening incidents from the modal,
   * changing their status from the modal, and {@code /incident status}. A measurement, not a
   * test: run with {@code -Dfirebreak.benchmark=true -Dtest=SlackEndToEndTest#ackLatency}; the
   * numbers are in docs/benchmarks/slack-ack.md.
   */
  @Test
  @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "firebreak.benchmark",
      matches = "true")
  void ackLatency() {
    int n = Integer.getInteger("firebreak.benchmark.n", 50);
    List<Long> opens = new java.util.ArrayList<>();
    List<Long> updates = new java.util.ArrayList<>();
    List<Long> statuses = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      String title = "Benchmark " + i + " " + System.nanoTime();
      long t0 = System.nanoTime();
      long id = openFromModal("V_BENCH_" + title.hashCode() + "_" + i, title,
          i % 4 == 0 ? "P2" : "P4", null, false);
      opens.add(System.nanoTime() - t0);
      t0 = System.nanoTime();
      Reply updated = submit("incident_update", "V_BENCH_UPD_" + id, String.valueOf(id),
          Map.of("status", selected("INVESTIGATING")));
      updates.add(System.nanoTime() - t0);
      assertThat(updated.status()).isEqualTo(200);
      t0 = System.nanoTime();
      assertThat(command("status " + id, "C_GENERAL").status()).isEqualTo(200);
      statuses.add(System.nanoTime() - t0);
    }
    System.out.println("BENCHMARK slack ack latency, n=" + n + " each (ms): open modal "
        + summary(opens) + "; update modal " + summary(updates) + "; /incident status "
        + summary(statuses));
  }

  static String summary(List<Long> nanos) {
    List<Long> sorted = nanos.stream().sorted().toList();
    java.util.function.IntFunction<String> ms =
        i -> String.format(java.util.Locale.ROOT, "%.1f", sorted.get(i) / 1e6);
    return "p50 " + ms.apply(sorted.size() / 2) + ", p95 "
        + ms.apply((int) Math.ceil(sorted.size() * 0.95) - 1) + ", max "
        + ms.apply(sorted.size() - 1);
  }

  static void registerNamespace(String address) {
    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
    try {
      try {
        stubs.blockingStub().registerNamespace(RegisterNamespaceRequest.newBuilder()
            .setNamespace(NAMESPACE)
            .setWorkflowExecutionRetentionPeriod(Durations.fromHours(24))
            .build());
      } catch (io.grpc.StatusRuntimeException e) {
        if (e.getStatus().getCode() != io.grpc.Status.Code.ALREADY_EXISTS) {
          throw e;
        }
      }
      Instant deadline = Instant.now().plusSeconds(30);
      while (true) {
        try {
          stubs.blockingStub().listOpenWorkflowExecutions(
              ListOpenWorkflowExecutionsRequest.newBuilder().setNamespace(NAMESPACE).build());
          return;
        } catch (io.grpc.StatusRuntimeException notYet) {
          if (Instant.now().isAfter(deadline)) {
            throw notYet;
          }
          try {
            Thread.sleep(250);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    } finally {
      stubs.shutdownNow();
    }
  }
}
