package dev.firebreak.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With Temporal out of reach, declaring an incident answers 503 and leaves nothing behind. The
 * application runs in the API-only role (no workers), as it can be deployed.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"TEMPORAL_ADDRESS=127.0.0.1:1", "spring.temporal.start-workers=false"})
class TemporalUnavailableTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void declaringAnIncidentAnswers503AndStoresNothing() {
    Http http = new Http(port);
    Http.Response response =
        http.post("/api/v1/incidents", "{\"title\":\"Temporal is down\",\"priority\":\"P1\"}");

    assertThat(response.status()).as(response.body()).isEqualTo(503);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("detail").asText()).contains("Temporal is unavailable");
    assertThat(jdbc.sql("SELECT count(*) FROM incident WHERE title = 'Temporal is down'")
        .query(Long.class).single()).isZero();
    // the read side still works from the database
    assertThat(http.get("/api/v1/incidents").status()).isEqualTo(200);
  }

  @Test
  void anEventThatCannotReachTemporalAnswers503SoTheSenderRetries() {
    Http http = new Http(port);
    Http.Response service = http.post("/api/v1/services", "{\"name\":\"Unreachable\"}");
    assertThat(service.status()).as(service.body()).isEqualTo(201);
    String key = service.json().get("integrationKey").asText();

    Http.Response response = http.post("/v2/enqueue", """
        {"routing_key": "%s", "dedup_key": "lost?", "event_action": "trigger",
         "payload": {"summary": "Temporal is down", "source": "test", "severity": "critical"}}"""
        .formatted(key));

    assertThat(response.status()).as(response.body()).isEqualTo(503);
    assertThat(response.json().get("status").asText()).isEqualTo("unavailable");
    assertThat(jdbc.sql("SELECT count(*) FROM alert_group").query(Long.class).single()).isZero();
  }
}
