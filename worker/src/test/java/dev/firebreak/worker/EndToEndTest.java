package dev.firebreak.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The base of end-to-end tests: the whole application against the real Temporal dev server
 * (shared by the test JVM) and a real PostgreSQL, driven over HTTP. Subclasses share one
 * application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class EndToEndTest {

  static {
    System.setProperty("TEMPORAL_ADDRESS", TemporalDevServer.shared().address());
    System.setProperty("TEMPORAL_UI_URL", "http://127.0.0.1:8233");
    System.setProperty("SLACK_API_URL", FakeSlack.shared().apiUrl());
    System.setProperty("SLACK_BOT_TOKEN", FakeSlack.TOKEN);
    System.setProperty("TWILIO_API_URL", FakeTwilio.shared().apiUrl());
    System.setProperty("TWILIO_ACCOUNT_SID", FakeTwilio.SID);
    System.setProperty("TWILIO_AUTH_TOKEN", FakeTwilio.TOKEN);
    System.setProperty("TWILIO_FROM_NUMBER", FakeTwilio.FROM);
    System.setProperty("FIREBREAK_PUBLIC_URL", FakeTwilio.PUBLIC_URL);
    System.setProperty("SMTP_HOST", "127.0.0.1");
    System.setProperty("SMTP_PORT", String.valueOf(FakeSmtp.shared().port()));
    System.setProperty("SMTP_FROM", "firebreak@firebreak.test");
    System.setProperty("FIREBREAK_ADMIN_TOKEN", Http.ADMIN_TOKEN);
    System.setProperty("OIDC_ISSUER_URI", FakeOidc.shared().issuer());
    System.setProperty("OIDC_CLIENT_ID", FakeOidc.CLIENT_ID);
    System.setProperty("OIDC_CLIENT_SECRET", "e2e-oidc-secret");
    System.setProperty("OIDC_AUTO_CREATE_USERS", "true");
  }

  @LocalServerPort int port;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  static void assertProblem(Http.Response response, int status, String detailPart) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("status").asInt()).isEqualTo(status);
    assertThat(response.json().get("detail").asText()).contains(detailPart);
  }

  /** POSTs and expects 201; returns the new id. */
  long create(String path, String json) {
    Http.Response created = http.post(path, json);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asLong();
  }
}
