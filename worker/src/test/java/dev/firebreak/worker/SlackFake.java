package dev.firebreak.worker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A fake Slack Web API (WireMock) that answers like Slack and records what it was asked, so tests
 * can check the calls Slack would receive. Bodies are Slack's form encoding; {@link #form} reads
 * them back.
 */
final class SlackFake {

  final WireMockServer server = new WireMockServer(options().dynamicPort());

  SlackFake() {
    server.start();
    stubDefaults();
  }

  String apiUrl() {
    return server.baseUrl() + "/api/";
  }

  void reset() {
    server.resetAll();
    stubDefaults();
  }

  void stubDefaults() {
    answer("auth.test", "{\"ok\":true,\"user_id\":\"UBOT\",\"team_id\":\"T1\",\"bot_id\":\"B1\"}");
    answer("views.open", "{\"ok\":true,\"view\":{\"id\":\"VOPENED\"}}");
    answer("views.publish", "{\"ok\":true,\"view\":{\"id\":\"VHOME\"}}");
    server.stubFor(post(urlEqualTo("/api/conversations.create")).willReturn(okJson(
            "{\"ok\":true,\"channel\":{\"id\":\"C{{randomValue length=9 type='NUMERIC'}}\","
                + "\"name\":\"incident\"}}")
        .withTransformers("response-template")));
    answer("chat.postMessage",
        "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"{{now epoch=true}}.000100\"}", true);
    answer("pins.add", "{\"ok\":true}");
    answer("conversations.invite", "{\"ok\":true,\"channel\":{\"id\":\"C1\"}}");
    answer("conversations.info",
        "{\"ok\":true,\"channel\":{\"id\":\"{{formData request.body 'f' urlDecode=true}}"
            + "{{f.channel}}\",\"name\":\"tech-incidents\",\"is_private\":false}}", true);
    answer("usergroups.list", "{\"ok\":true,\"usergroups\":["
        + "{\"id\":\"S_P1\",\"handle\":\"sre\",\"name\":\"SRE\",\"users\":[\"U1\",\"U2\"]},"
        + "{\"id\":\"S_PAY\",\"handle\":\"payments\",\"name\":\"Payments\"}]}");
    usergroupMembers("S_P1", "U1", "U2");
    usergroupMembers("S_PAY", "U3", "UBOT");
    answer("conversations.members", "{\"ok\":true,\"members\":[]}");
    answer("users.list", "{\"ok\":true,\"members\":["
        + "{\"id\":\"U1\",\"name\":\"ann\",\"real_name\":\"Ann Example\","
        + "\"profile\":{\"email\":\"ann@example.com\"}},"
        + "{\"id\":\"U2\",\"name\":\"ben\",\"deleted\":true},"
        + "{\"id\":\"UBOT\",\"name\":\"firebreak\",\"is_bot\":true}],"
        + "\"response_metadata\":{\"next_cursor\":\"\"}}");
    answer("conversations.list", "{\"ok\":true,\"channels\":["
        + "{\"id\":\"C_TECH\",\"name\":\"tech-incidents\",\"is_private\":false},"
        + "{\"id\":\"C_OLD\",\"name\":\"old-news\",\"is_archived\":true}],"
        + "\"response_metadata\":{\"next_cursor\":\"\"}}");
  }

  void answer(String method, String json) {
    answer(method, json, false);
  }

  void answer(String method, String json, boolean template) {
    var response = okJson(json);
    if (template) {
      response = response.withTransformers("response-template");
    }
    server.stubFor(post(urlEqualTo("/api/" + method)).willReturn(response));
  }

  void usergroupMembers(String id, String... users) {
    server.stubFor(post(urlEqualTo("/api/usergroups.users.list"))
        .withRequestBody(containing("usergroup=" + id))
        .willReturn(okJson("{\"ok\":true,\"users\":[\""
            + String.join("\",\"", users) + "\"]}")));
  }

  void failing(String method, String bodyPart, String error) {
    server.stubFor(post(urlEqualTo("/api/" + method)).withRequestBody(containing(bodyPart))
        .atPriority(1)
        .willReturn(okJson("{\"ok\":false,\"error\":\"" + error + "\"}")));
  }

  void rateLimitedOnce(String method, String bodyPart, String otherPart, int retryAfterSeconds) {
    server.stubFor(post(urlEqualTo("/api/" + method)).withRequestBody(containing(bodyPart))
        .withRequestBody(containing(otherPart))
        .atPriority(1)
        .inScenario("429-" + bodyPart).whenScenarioStateIs("Started")
        .willReturn(aResponse().withStatus(429)
            .withHeader("Retry-After", String.valueOf(retryAfterSeconds))
            .withHeader("Content-Type", "application/json")
            .withBody("{\"ok\":false,\"error\":\"ratelimited\"}"))
        .willSetStateTo("retried"));
  }

  /** The requests made to a Web API method, oldest first. */
  List<LoggedRequest> calls(String method) {
    return server.findAll(postRequestedFor(urlEqualTo("/api/" + method)));
  }

  List<Map<String, String>> forms(String method, Predicate<Map<String, String>> filter) {
    return calls(method).stream().map(r -> form(r.getBodyAsString())).filter(filter).toList();
  }

  static Map<String, String> form(String body) {
    Map<String, String> values = new java.util.LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String[] kv = pair.split("=", 2);
      values.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
    }
    return values;
  }

  static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
