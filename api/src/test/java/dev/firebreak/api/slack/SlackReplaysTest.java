package dev.firebreak.api.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A signed Slack request is handled once within its window; a new signature always passes. */
class SlackReplaysTest {

  @Test
  void aSignatureSeenAgainWithinTheWindowIsAReplay() {
    AtomicLong now = new AtomicLong(1_700_000_000_000L);
    Clock clock = new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return Instant.ofEpochMilli(now.get());
      }
    };
    SlackReplays replays = new SlackReplays(clock);
    assertThat(replays.firstUse("v0=aa")).isTrue();
    assertThat(replays.firstUse("v0=aa")).isFalse();
    assertThat(replays.firstUse("v0=bb")).isTrue();
    now.addAndGet(Duration.ofMinutes(11).toMillis());
    // long past Slack's 5-minute window, the verifier refuses the timestamp anyway
    assertThat(replays.firstUse("v0=aa")).isTrue();
  }

  @Test
  void headersAloneAreCheckedBeforeTheBodyIsRead() {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
    assertThat(SlackSignatureVerifier.checkHeaders(null, "v0=1", clock))
        .isEqualTo(SlackSignatureVerifier.Outcome.MISSING_HEADERS);
    assertThat(SlackSignatureVerifier.checkHeaders("soon", "v0=1", clock))
        .isEqualTo(SlackSignatureVerifier.Outcome.BAD_TIMESTAMP);
    assertThat(SlackSignatureVerifier.checkHeaders("1699999000", "v0=1", clock))
        .isEqualTo(SlackSignatureVerifier.Outcome.STALE_OR_FUTURE);
    assertThat(SlackSignatureVerifier.checkHeaders("1699999800", "v0=1", clock))
        .isEqualTo(SlackSignatureVerifier.Outcome.VALID);
  }
}
