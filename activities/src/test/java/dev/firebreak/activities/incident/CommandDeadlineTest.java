package dev.firebreak.activities.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CommandDeadlineTest {

  CommandDeadline deadline = new CommandDeadline(Duration.ofMillis(300));

  @AfterEach
  void stop() {
    deadline.destroy();
  }

  @Test
  void aCallThatAnswersInTimeGivesItsResultAndItsFailure() {
    assertThat(deadline.call("fast", () -> 42)).isEqualTo(42);
    assertThatThrownBy(() -> deadline.call("refused", () -> {
      throw new IllegalStateException("refused");
    })).isInstanceOf(IllegalStateException.class).hasMessage("refused");
  }

  @Test
  void aCallThatHangsIsCutAtTheDeadlineAndInterrupted() throws InterruptedException {
    CountDownLatch interrupted = new CountDownLatch(1);
    long started = System.nanoTime();
    assertThatThrownBy(() -> deadline.call("changeStatus of incident 7", () -> {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        interrupted.countDown();
      }
      return null;
    })).isInstanceOf(CommandTimedOut.class)
        .hasMessageContaining("changeStatus of incident 7")
        .hasMessageContaining("no answer from Temporal within 300 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the waiting thread is interrupted")
        .isTrue();
  }
}
