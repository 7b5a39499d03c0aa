package dev.firebreak.api.slack.scenarios;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Slack's Web API and its response URLs, as WireMock answers them: {@code auth.test} (which Bolt
 * calls before the first request), {@code views.open} and {@code views.publish} succeed unless a
 * test says otherwise, and every call is recorded for the test to read back.
 */
final class FakeSlackApi implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  final WireMockServer server = new WireMockServer(options().dynamicPort());

  FakeSlackApi() {
    server.start();
    answer("auth.test", "{\"ok\":true,\"user_id\":\"UBOT\",\"team_id\":\"T1\",\"bot_id\":\"B1\"}");
    answer("views.open", "{\"ok\":true,\"view\":{\"id\":\"VOPENED\"}}");
    answer("views.publish", "{\"ok\":true,\"view\":{\"id\":\"VHOME\"}}");
    server.stubFor(post(urlPathMatching("/respond/.*")).willReturn(okJson("{\"ok\":true}")));
  }

  String apiUrl() {
    return server.baseUrl() + "/api/";
  }

  /** A response URL of a message's buttons, answered by this fake. */
  String responseUrl() {
    return server.baseUrl() + "/respond/1";
  }

  /** Slack answers {@code method} with this JSON body. */
  void answer(String method, String json) {
    server.stubFor(post(urlEqualTo("/api/" + method)).willReturn(okJson(json)));
  }

  /** The form fields of each call of {@code method}, in order. */
  List<Map<String, String>> calls(String method) {
    return server.findAll(postRequestedFor(urlEqualTo("/api/" + method))).stream()
        .map(FakeSlackApi::form).toList();
  }

  /** The {@code view} argument of each {@code views.open} or {@code views.publish}. */
  List<JsonNode> views(String method) {
    return calls(method).stream().map(f -> read(f.get("view"))).toList();
  }

  /** What was posted to the response URL: the ephemeral replies to buttons. */
  List<JsonNode> replies() {
    return server.findAll(postRequestedFor(urlPathMatching("/respond/.*"))).stream()
        .map(r -> read(r.getBodyAsString())).toList();
  }

  static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> form(LoggedRequest request) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : request.getBodyAsString().split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  @Override
  public void close() {
    server.stop();
  }
}
