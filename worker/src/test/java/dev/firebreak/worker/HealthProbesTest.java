package dev.firebreak.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With Temporal out of reach (the context of {@link TemporalUnavailableTest}, shared), the
 * readiness probe says DOWN, so a load balancer sends no events to a replica that would answer
 * 503, while the liveness probe stays UP, so Kubernetes does not restart it for nothing.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"TEMPORAL_ADDRESS=127.0.0.1:1", "spring.temporal.start-workers=false"})
class HealthProbesTest {

  @LocalServerPort int port;

  @Test
  void temporalDownMakesTheReplicaUnreadyButAlive() {
    Http http = new Http(port);
    Http.Response readiness = http.get("/actuator/health/readiness");
    assertThat(readiness.status()).as(readiness.body()).isEqualTo(503);
    assertThat(readiness.json().get("status").asText()).isEqualTo("DOWN");
    assertThat(readiness.json().get("components").get("temporal").get("status").asText())
        .isEqualTo("DOWN");
    assertThat(readiness.json().get("components").get("db").get("status").asText())
        .isEqualTo("UP");

    Http.Response liveness = http.get("/actuator/health/liveness");
    assertThat(liveness.status()).as(liveness.body()).isEqualTo(200);
    assertThat(liveness.json().get("status").asText()).isEqualTo("UP");
    assertThat(liveness.json().path("components").has("temporal")).isFalse();
    assertThat(liveness.json().path("components").has("db")).isFalse();
  }
}
