package dev.firebreak.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The probes with everything up, end to end on the dev server (see {@link HealthProbesTest}). */
class HealthEndToEndTest extends EndToEndTest {

  @Test
  void readinessCoversTemporalAndPostgresqlAndLivenessDoesNot() {
    Http.Response readiness = http.get("/actuator/health/readiness");
    assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
    assertThat(readiness.json().get("components").fieldNames())
        .toIterable().containsExactlyInAnyOrder("readinessState", "db", "temporal");
    assertThat(readiness.json().get("components").get("temporal").get("status").asText())
        .isEqualTo("UP");

    Http.Response liveness = http.get("/actuator/health/liveness");
    assertThat(liveness.status()).as(liveness.body()).isEqualTo(200);
    assertThat(liveness.json().toString()).doesNotContain("temporal", "\"db\"");
  }
}
