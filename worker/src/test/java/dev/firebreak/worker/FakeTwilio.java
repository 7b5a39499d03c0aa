package dev.firebreak.worker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Twilio's REST API faked at its HTTP boundary: it answers 201 only to a form-encoded POST with
 * the account's basic auth, so a malformed request is a 404 that the test sees as a refusal.
 * {@link #outage} makes every request to one number answer 503 until it is closed.
 */
final class FakeTwilio {

  static final String SID = "ACfirebreaktest";
  static final String TOKEN = "twilio-test-token";
  static final String FROM = "+15005550006";
  static final String PUBLIC_URL = "https://firebreak.example.com";

  private static FakeTwilio shared;

  final WireMockServer server;

  private FakeTwilio(WireMockServer server) {
    this.server = server;
  }

  static synchronized FakeTwilio shared() {
    if (shared == null) {
      WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
      server.start();
      for (String resource : List.of("Messages", "Calls")) {
        server.stubFor(post(urlEqualTo("/2010-04-01/Accounts/" + SID + "/" + resource + ".json"))
            .atPriority(5)
            .withBasicAuth(SID, TOKEN)
            .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
            .withRequestBody(containing("From=" + FROM.replace("+", "%2B")))
            .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"" + (resource.equals("Calls") ? "CA" : "SM")
                    + "{{randomValue length=16 type='ALPHANUMERIC'}}\",\"status\":\"queued\"}")
                .withTransformers("response-template")));
      }
      shared = new FakeTwilio(server);
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "fake-twilio-stop"));
    }
    return shared;
  }

  /** Twilio answers 503 to every request for {@code number} until the outage is closed. */
  AutoCloseable outage(String number) {
    StubMapping down = server.stubFor(post(urlMatching("/2010-04-01/Accounts/.*")).atPriority(1)
        .withRequestBody(containing("To=" + number.replace("+", "%2B")))
        .willReturn(aResponse().withStatus(503).withBody("{\"message\":\"outage\"}")));
    return () -> server.removeStub(down);
  }

  String apiUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  /** The form of each SMS sent to {@code to}, in order. */
  List<Map<String, String>> messagesTo(String to) {
    return sent("Messages", to);
  }

  /** The form of each call placed to {@code to}, in order. */
  List<Map<String, String>> callsTo(String to) {
    return sent("Calls", to);
  }

  List<LoggedRequest> requests(String resource) {
    return server.findAll(postRequestedFor(
        urlEqualTo("/2010-04-01/Accounts/" + SID + "/" + resource + ".json")));
  }

  private List<Map<String, String>> sent(String resource, String to) {
    return requests(resource).stream().map(r -> form(r.getBodyAsString()))
        .filter(f -> to.equals(f.get("To"))).toList();
  }

  static Map<String, String> form(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return form;
  }
}
