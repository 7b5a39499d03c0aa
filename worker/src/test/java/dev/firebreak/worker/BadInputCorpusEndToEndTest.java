package dev.firebreak.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.firebreak.api.slack.SlackSignatureVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The bad-input corpus ({@code edge/bad-input.json}): hostile and broken requests to every door
 * events come in by (PagerDuty's {@code /v2/enqueue}, Alertmanager, generic webhooks, heartbeats,
 * {@code /slack/events}), to the directory and incidents (names and titles, which once answered
 * 500), and to the container itself. Each must be refused with its status and its reason, in the
 * problem shape (PagerDuty's on {@code /v2/enqueue}), and leave nothing behind: no alert group,
 * event, suppressed event, monitor, incident, user, team, service or schedule, then or later.
 * Runs with Slack's HTTP endpoint on, in a Temporal namespace of its own.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "TEMPORAL_NAMESPACE=" + BadInputCorpusEndToEndTest.NAMESPACE,
      "SLACK_BOT_TOKEN=xoxb-test",
      "SLACK_SIGNING_SECRET=" + BadInputCorpusEndToEndTest.SECRET
    })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputCorpusEndToEndTest {

  static final String NAMESPACE = "firebreak-edge-e2e";
  static final String SECRET = "edge-signing-secret";
  static final ObjectMapper JSON = new ObjectMapper();
  static final SlackFake slack = new SlackFake();
  static final List<String> TABLES =
      List.of("alert_group", "alert_event", "suppressed_event", "heartbeat_monitor", "incident",
          "app_user", "team", "service", "schedule");
  private static final Pattern REPEAT = Pattern.compile("\\$\\{repeat:(.):(\\d+)}");

  static {
    TestNamespaces.use(NAMESPACE);
  }

  @DynamicPropertySource
  static void slackUrl(DynamicPropertyRegistry registry) {
    registry.add("firebreak.slack.api-url", slack::apiUrl);
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  final HttpClient client = HttpClient.newHttpClient();
  final SlackSignatureVerifier signer = new SlackSignatureVerifier(SECRET, Clock.systemUTC());
  final Map<String, String> vars = new LinkedHashMap<>();
  Map<String, Long> before;

  record Case(String id, JsonNode spec) {
    @Override
    public String toString() {
      return id;
    }
  }

  record Reply(int status, String contentType, String body) {}

  static Stream<Case> corpus() throws IOException {
    try (InputStream in = BadInputCorpusEndToEndTest.class
        .getResourceAsStream("/edge/bad-input.json")) {
      List<Case> cases = new ArrayList<>();
      JSON.readTree(in).forEach(c -> cases.add(new Case(c.get("id").asText(), c)));
      return cases.stream();
    }
  }

  @BeforeAll
  void oneOfEachDoor() throws Exception {
    JsonNode service = post("/api/v1/services", "{\"name\":\"edge-"
        + ThreadLocalRandom.current().nextInt(1_000_000) + "\"}", 201);
    vars.put("serviceId", service.get("id").asText());
    vars.put("routingKey", service.get("integrationKey").asText());
    vars.put("amKey", post("/api/v1/receive-channels", "{\"name\":\"edge am\",\"type\":"
        + "\"alertmanager\",\"serviceId\":" + vars.get("serviceId") + "}", 201)
        .get("key").asText());
    vars.put("hookKey", post("/api/v1/receive-channels", "{\"name\":\"edge hook\",\"type\":"
        + "\"generic\",\"serviceId\":" + vars.get("serviceId") + ",\"mapping\":{\"summary\":"
        + "\"/title\",\"dedupKey\":\"/id\",\"severity\":\"/sev\",\"action\":\"/kind\"}}", 201)
        .get("key").asText());
    vars.put("hbKey", post("/api/v1/heartbeats", "{\"name\":\"edge backup\",\"serviceId\":"
        + vars.get("serviceId") + ",\"intervalSeconds\":86400}", 201).get("key").asText());
    before = counts();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  @Order(1)
  void isRefusedWithItsReasonAndLeavesNothing(Case c) throws Exception {
    JsonNode spec = c.spec();
    Reply reply = send(spec);
    assertThat(reply.status()).as("%s: %s", c.id(), reply.body())
        .isEqualTo(spec.get("status").asInt());
    assertThat(reasons(reply.body())).as(c.id()).contains(spec.get("reason").asText());
    if (path(spec).startsWith("/v2/enqueue")) {
      assertThat(reply.contentType()).startsWith("application/json");
      assertThat(JSON.readTree(reply.body()).get("status").asText()).isEqualTo("invalid event");
    } else {
      assertThat(reply.contentType()).as(c.id()).startsWith("application/problem+json");
      assertThat(JSON.readTree(reply.body()).get("status").asInt())
          .isEqualTo(spec.get("status").asInt());
    }
    assertThat(counts()).as("rows after %s", c.id()).isEqualTo(before);
  }

  /**
   * What a refused request might have started would show up later, not at once: one good event
   * goes through after the corpus, and once it is stored, it is the only thing that was.
   */
  @Test
  @Order(2)
  void afterTheCorpusOnlyAGoodEventIsStored() throws Exception {
    post("/v2/enqueue", "{\"routing_key\":\"" + vars.get("routingKey") + "\",\"event_action\":"
        + "\"trigger\",\"dedup_key\":\"edge-sentinel\",\"payload\":{\"summary\":\"the good one\","
        + "\"source\":\"edge\",\"severity\":\"info\"}}", 202);
    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
        "SELECT count(*) FROM alert_event e JOIN alert_group g ON g.id = e.alert_group_id"
            + " WHERE g.dedup_key = 'edge-sentinel'").query(Long.class).single() == 1);
    Map<String, Long> expected = new LinkedHashMap<>(before);
    expected.merge("alert_group", 1L, Long::sum);
    expected.merge("alert_event", 1L, Long::sum);
    assertThat(counts()).isEqualTo(expected);
    assertThat(jdbc.sql("SELECT dedup_key FROM alert_group WHERE service_id = ?")
        .param(Long.parseLong(vars.get("serviceId"))).query(String.class).list())
        .containsExactly("edge-sentinel");
  }

  /** A signed request sent again as it was is answered, and not handled a second time. */
  @Test
  @Order(3)
  void aReplayedSlackRequestIsAnsweredButNotHandledAgain() throws Exception {
    slack.reset();
    String event = "{\"token\":\"t\",\"team_id\":\"T1\",\"api_app_id\":\"A1\","
        + "\"type\":\"event_callback\",\"event_id\":\"Ev_EDGE_HOME\",\"event_time\":1700000000,"
        + "\"event\":{\"type\":\"app_home_opened\",\"user\":\"U7\",\"channel\":\"D7\","
        + "\"tab\":\"home\",\"event_ts\":\"1700000001.000100\"}}";
    byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
    String ts = String.valueOf(Instant.now().getEpochSecond());
    String signature = signer.sign(ts, bytes);
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> reply = client.send(HttpRequest.newBuilder(url("/slack/events"))
          .header("Content-Type", "application/json")
          .header("X-Slack-Request-Timestamp", ts).header("X-Slack-Signature", signature)
          .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(reply.statusCode()).isEqualTo(200);
    }
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
        .until(() -> slack.calls("views.publish").size() == 1);
  }

  /** What a refusal says: its detail (or message) and each error, as {@code field: message}. */
  static String reasons(String body) throws IOException {
    JsonNode json = JSON.readTree(body);
    StringBuilder out =
        new StringBuilder(json.path("detail").asText(json.path("message").asText()));
    for (JsonNode error : json.path("errors")) {
      out.append('\n').append(error.isTextual() ? error.asText()
          : error.path("field").asText() + ": " + error.path("message").asText());
    }
    return out.toString();
  }

  Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : TABLES) {
      counts.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
    }
    return counts;
  }

  JsonNode post(String path, String json, int status) throws Exception {
    HttpResponse<String> reply = client.send(HttpRequest.newBuilder(url(path))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + Http.ADMIN_TOKEN)
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(status);
    return JSON.readTree(reply.body());
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  String path(JsonNode spec) {
    if (spec.has("path")) {
      return expand(spec.get("path").asText());
    }
    return switch (spec.get("endpoint").asText()) {
      case "enqueue" -> "/v2/enqueue";
      case "alertmanager" -> "/api/v1/integrations/alertmanager/" + vars.get("amKey");
      case "webhook" -> "/api/v1/webhooks/" + vars.get("hookKey");
      case "slack" -> "/slack/events";
      default -> throw new IllegalArgumentException("no path for " + spec);
    };
  }

  Reply send(JsonNode spec) throws Exception {
    byte[] body = body(spec);
    String method = spec.path("method").asText("POST");
    HttpRequest.Builder request = HttpRequest.newBuilder(url(path(spec)))
        .header("Content-Type", spec.path("contentType").asText("application/json"))
        // as an admin, so that a refusal is the input's, never a missing login (the signal
        // endpoints ignore a bearer token and check their own key or signature)
        .header("Authorization", "Bearer " + Http.ADMIN_TOKEN)
        .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    JsonNode signing = spec.get("slack");
    if (signing != null && signing.path("sign").asBoolean(true)) {
      String ts = timestamp(signing.path("timestamp").asText("now"));
      byte[] signed = signing.has("signedBody")
          ? signing.get("signedBody").asText().getBytes(StandardCharsets.UTF_8) : body;
      request.header("X-Slack-Request-Timestamp", ts);
      if (!signing.has("signature")) {
        request.header("X-Slack-Signature", signer.sign(ts, signed));
      } else if (!signing.get("signature").isNull()) {
        request.header("X-Slack-Signature", signing.get("signature").asText());
      }
    }
    HttpResponse<String> reply = client.send(request.build(),
        HttpResponse.BodyHandlers.ofString());
    return new Reply(reply.statusCode(),
        reply.headers().firstValue("Content-Type").orElse(""), reply.body());
  }

  static String timestamp(String spec) {
    long now = Instant.now().getEpochSecond();
    if (spec.equals("now")) {
      return String.valueOf(now);
    }
    if (spec.startsWith("+") || spec.startsWith("-")) {
      return String.valueOf(now + Long.parseLong(spec));
    }
    return spec;
  }

  /** The case's body: {@code raw} text, {@code rawBase64} bytes, or {@code body} as JSON. */
  byte[] body(JsonNode spec) throws IOException {
    if (spec.has("rawBase64")) {
      return Base64.getDecoder().decode(spec.get("rawBase64").asText());
    }
    String text;
    if (spec.has("raw")) {
      text = spec.get("raw").asText();
    } else if (spec.has("body")) {
      JsonNode body = spec.get("body").deepCopy();
      if (body.has("alerts") && body.get("alerts").asText().startsWith("${alerts:")) {
        String n = body.get("alerts").asText().replaceAll("\\D", "");
        ArrayNode alerts = ((com.fasterxml.jackson.databind.node.ObjectNode) body)
            .putArray("alerts");
        for (int i = 0; i < Integer.parseInt(n); i++) {
          alerts.addObject().put("status", "firing").put("fingerprint", "edge-storm-" + i)
              .putObject("labels").put("alertname", "Storm" + i);
        }
      }
      text = JSON.writeValueAsString(body);
    } else {
      text = "";
    }
    return expand(text).getBytes(StandardCharsets.UTF_8);
  }

  String expand(String text) {
    Matcher repeat = REPEAT.matcher(text);
    StringBuilder out = new StringBuilder();
    while (repeat.find()) {
      repeat.appendReplacement(out, Matcher.quoteReplacement(
          repeat.group(1).repeat(Integer.parseInt(repeat.group(2)))));
    }
    repeat.appendTail(out);
    String expanded = out.toString().replace("\"${serviceId}\"", vars.get("serviceId"));
    for (Map.Entry<String, String> v : vars.entrySet()) {
      expanded = expanded.replace("${" + v.getKey() + "}", v.getValue());
    }
    return expanded;
  }
}
