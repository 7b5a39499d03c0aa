package dev.firebreak.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * The README's run command with nothing configured: Temporal in-process (keeping real time) and an
 * embedded PostgreSQL, and the log saying that nothing survives a restart.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"TEMPORAL_ADDRESS=", "DATABASE_URL="})
class EmbeddedModeTest {

  @LocalServerPort int port;
  @Autowired Environment environment;

  @Test
  void runsWithNothingExternalAndSaysWhatIsLostOnRestart() {
    assertThat(environment.getProperty("firebreak.mode.summary"))
        .contains("Temporal: in-process server", "real time", "PostgreSQL: embedded",
            "NOTHING survives a restart");

    Http http = new Http(port);
    Http.Response created = http.post("/api/v1/incidents", "{\"title\":\"Embedded\"}");
    assertThat(created.status()).isEqualTo(201);
    long id = created.json().get("id").asLong();
    Http.Response changed =
        http.post("/api/v1/incidents/" + id + "/status", "{\"status\":\"MITIGATED\"}");
    assertThat(changed.json().get("status").asText()).isEqualTo("MITIGATED");
    JsonNode stored = http.get("/api/v1/incidents/" + id).json();
    assertThat(stored.get("timeline")).hasSize(2);
  }
}
