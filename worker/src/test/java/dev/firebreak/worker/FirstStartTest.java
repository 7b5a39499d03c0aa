package dev.firebreak.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The embedded default's first start, with no admin and no FIREBREAK_ADMIN_TOKEN: nothing is
 * left open, and the log prints a one-time setup password that logs the admin in.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"TEMPORAL_ADDRESS=", "DATABASE_URL=", "firebreak.security.admin-token=",
        "firebreak.security.setup-admin-email=first-start@firebreak.local"})
@ExtendWith(OutputCaptureExtension.class)
class FirstStartTest {

  @LocalServerPort int port;

  @Test
  void theLogPrintsASetupPasswordAndNothingIsOpen(CapturedOutput output) {
    assertProblem401(Http.anonymous(port).get("/api/v1/incidents"));
    Matcher printed = Pattern.compile("as (\\S+)\\s+with the one-time setup password (\\S+)")
        .matcher(output.getAll());
    assertThat(printed.find()).as("the setup password in the log").isTrue();
    assertThat(printed.group(1)).isEqualTo("first-start@firebreak.local");

    Http admin = Http.session(port);
    Http.Response login = admin.login(printed.group(1), printed.group(2));
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    assertThat(login.json().get("role").asText()).isEqualTo("admin");
    assertThat(admin.post("/api/v1/incidents", "{\"title\":\"First\"}").status()).isEqualTo(201);
    assertThat(Http.session(port).login(printed.group(1), "not-the-password").status())
        .isEqualTo(401);
  }

  private static void assertProblem401(Http.Response response) {
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }
}
