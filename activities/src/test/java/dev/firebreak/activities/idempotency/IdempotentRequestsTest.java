package dev.firebreak.activities.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.activities.TestDatabase;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Idempotency-Keys against a real PostgreSQL, migrated by the real Flyway scripts. */
class IdempotentRequestsTest {

  static DataSource dataSource;

  JdbcClient jdbc;
  IdempotentRequests requests;
  AtomicInteger runs = new AtomicInteger();

  @BeforeAll
  static void database() {
    dataSource = TestDatabase.migrated();
  }

  @BeforeEach
  void empty() {
    jdbc = JdbcClient.create(dataSource);
    jdbc.sql("TRUNCATE idempotency_key").update();
    requests = new IdempotentRequests(new IdempotencyStore(jdbc), Duration.ofMinutes(2),
        Duration.ofHours(24));
  }

  StoredResponse ok() {
    return new StoredResponse(200, "{\"run\":" + runs.incrementAndGet() + "}", null);
  }

  @Test
  void theSameRequestAgainIsAnsweredTheSameWithoutRunning() {
    IdempotentRequests.Answer first = requests.run("POST /a", "k1", "h1", this::ok);
    IdempotentRequests.Answer again = requests.run("POST /a", "k1", "h1", this::ok);

    assertThat(first.replayed()).isFalse();
    assertThat(again.replayed()).isTrue();
    assertThat(again.response()).isEqualTo(first.response());
    assertThat(runs).hasValue(1);
  }

  @Test
  void theKeyWithAnotherBodyIsRefusedAndTheKeyElsewhereIsAnotherRequest() {
    requests.run("POST /a", "k1", "h1", this::ok);

    assertThatThrownBy(() -> requests.run("POST /a", "k1", "h2", this::ok))
        .isInstanceOf(IdempotencyKeyReused.class)
        .hasMessageContaining("different request");
    assertThat(requests.run("POST /b", "k1", "h2", this::ok).replayed()).isFalse();
    assertThat(runs).hasValue(2);
  }

  @Test
  void aFailedRequestGivesItsKeyUpSoThatTheRetryRuns() {
    assertThatThrownBy(() -> requests.run("POST /a", "k1", "h1", () -> {
      throw new IllegalStateException("Temporal is down");
    })).hasMessage("Temporal is down");

    IdempotentRequests.Answer retry = requests.run("POST /a", "k1", "h1", this::ok);
    assertThat(retry.replayed()).isFalse();
    assertThat(retry.response().body()).isEqualTo("{\"run\":1}");
  }

  @Test
  void aRequestStillRunningIsInFlightUntilItIsAbandoned() {
    requests.run("POST /a", "k1", "h1", () -> {
      assertThatThrownBy(() -> requests.run("POST /a", "k1", "h1", this::ok))
          .isInstanceOf(IdempotencyKeyInFlight.class);
      return ok();
    });
    assertThat(runs).hasValue(1);

    // a claim whose request died (no answer, older than abandon-after) is taken over
    jdbc.sql("INSERT INTO idempotency_key (scope, key, request_hash, created_at)"
        + " VALUES ('POST /a', 'k2', 'h1', now() - interval '10 minutes')").update();
    IdempotentRequests.Answer takenOver = requests.run("POST /a", "k2", "h1", this::ok);
    assertThat(takenOver.replayed()).isFalse();
    assertThat(requests.run("POST /a", "k2", "h1", this::ok).response())
        .isEqualTo(takenOver.response());
  }

  @Test
  void theLocationIsKeptAndOldKeysExpire() {
    requests.run("POST /a", "k1", "h1",
        () -> new StoredResponse(201, "{}", "/api/v1/incidents/7"));
    assertThat(requests.run("POST /a", "k1", "h1", this::ok).response().location())
        .isEqualTo("/api/v1/incidents/7");

    jdbc.sql("UPDATE idempotency_key SET created_at = now() - interval '25 hours'").update();
    assertThat(new IdempotencyStore(jdbc).expire(Duration.ofHours(24))).isEqualTo(1);
    assertThat(requests.run("POST /a", "k1", "h2", this::ok).replayed()).isFalse();
  }
}
