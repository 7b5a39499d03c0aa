package dev.firebreak.activities.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Integration calls are timed with a bounded outcome, whatever the failure says. */
class FirebreakMetersTest {

  SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @BeforeEach
  void register() {
    Metrics.addRegistry(registry);
  }

  @AfterEach
  void unregister() {
    Metrics.removeRegistry(registry);
  }

  @Test
  void callsAreTimedByOutcome() {
    assertThat(FirebreakMeters.call("PagerDuty", () -> "answer")).isEqualTo("answer");
    assertThatThrownBy(() -> FirebreakMeters.call("PagerDuty", () -> {
      throw ApplicationFailure.newFailure("429", "PagerDutyRateLimited");
    })).isInstanceOf(ApplicationFailure.class);
    assertThatThrownBy(() -> FirebreakMeters.call("Jira", () -> {
      throw new IllegalStateException("bug");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(registry.get(FirebreakMeters.CALLS).tags("system", "pagerduty", "outcome", "ok")
        .timer().count()).isEqualTo(1);
    assertThat(registry.get(FirebreakMeters.CALLS)
        .tags("system", "pagerduty", "outcome", "rate_limited").timer().count()).isEqualTo(1);
    assertThat(registry.get(FirebreakMeters.CALLS).tags("system", "jira", "outcome", "error")
        .timer().count()).isEqualTo(1);
  }

  @Test
  void failureTypesBecomeAFewOutcomes() {
    assertThat(FirebreakMeters.outcome("Jira", "JiraUnavailable")).isEqualTo("unavailable");
    assertThat(FirebreakMeters.outcome("Jira", "JiraUnreachable")).isEqualTo("unreachable");
    assertThat(FirebreakMeters.outcome("Jira", "JiraRefused")).isEqualTo("refused");
    assertThat(FirebreakMeters.outcome("Confluence", "ConfluenceBadAnswer"))
        .isEqualTo("bad_answer");
    assertThat(FirebreakMeters.outcome("Jira", "SomethingElse")).isEqualTo("error");
    assertThat(FirebreakMeters.outcome("Jira", null)).isEqualTo("error");
  }
}
