package dev.firebreak.worker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;

/**
 * Slack's Web API faked with WireMock at its HTTP boundary: {@code chat.postMessage} answers ok,
 * except to the channel {@link #REFUSING_USER}, which Slack refuses ({@code channel_not_found}).
 */
final class FakeSlack {

  static final String TOKEN = "xoxb-firebreak-test";
  static final String REFUSING_USER = "U0REFUSED";

  private static FakeSlack shared;

  final WireMockServer server;

  private FakeSlack(WireMockServer server) {
    this.server = server;
  }

  static synchronized FakeSlack shared() {
    if (shared == null) {
      shared = start();
      FakeSlack fake = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(fake.server::stop, "fake-slack-stop"));
    }
    return shared;
  }

  static FakeSlack start() {
    WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    server.stubFor(post(urlEqualTo("/api/chat.postMessage")).atPriority(5)
        .willReturn(aResponse().withHeader("Content-Type", "application/json")
            .withBody("{\"ok\":true,\"channel\":\"D0FAKE\",\"ts\":\"1700000000.000100\"}")));
    server.stubFor(post(urlEqualTo("/api/chat.postMessage")).atPriority(1)
        .withRequestBody(containing(REFUSING_USER))
        .willReturn(aResponse().withHeader("Content-Type", "application/json")
            .withBody("{\"ok\":false,\"error\":\"channel_not_found\"}")));
    return new FakeSlack(server);
  }

  String apiUrl() {
    return "http://127.0.0.1:" + server.port() + "/api/";
  }

  /** The DMs posted to a Slack user. */
  List<LoggedRequest> messagesTo(String slackUserId) {
    return server.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))
        .withRequestBody(matchingJsonPath("$.channel", com.github.tomakehurst.wiremock.client
            .WireMock.equalTo(slackUserId))));
  }
}
