package dev.firebreak.workflows.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.workflows.TaskQueues;
import dev.firebreak.workflows.notify.messages.Handoff;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Handoff notices on the time-skipping test server: a daily rotation handing off at 09:00, a
 * schedule edited while the workflow sleeps, and a schedule deleted.
 */
class HandoffNoticeWorkflowTest {

  static final Instant START = Instant.parse("2026-11-29T06:30:00Z");
  static final Instant NINE = Instant.parse("2026-11-29T09:00:00Z");

  /** Handoffs every day at 09:00 UTC, alternating users 1 and 2; deleted after {@code until}. */
  static class Rotation implements HandoffActivities {
    final List<String> told = new CopyOnWriteArrayList<>();
    volatile Instant deletedAt;
    volatile Duration shift = Duration.ZERO;
    TestWorkflowEnvironment env;

    @Override
    public Handoff nextHandoff(long scheduleId, Instant after) {
      if (deletedAt != null && !after.isBefore(deletedAt)) {
        return null;
      }
      Instant next = NINE.plus(shift);
      int day = 0;
      while (!next.isAfter(after)) {
        next = next.plus(Duration.ofDays(1));
        day++;
      }
      return new Handoff(scheduleId, "Primary", next, next.plus(Duration.ofDays(1)),
          List.of(day % 2 == 0 ? 1L : 2L));
    }

    @Override
    public void tell(Handoff handoff) {
      told.add(Instant.ofEpochMilli(env.currentTimeMillis()).truncatedTo(ChronoUnit.MINUTES)
          + " " + handoff.start() + " "
          + handoff.userIds());
    }
  }

  TestWorkflowEnvironment env;
  Rotation rotation;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance(
        TestEnvironmentOptions.newBuilder().setInitialTime(START).build());
    rotation = new Rotation();
    rotation.env = env;
    Worker worker = env.newWorker(TaskQueues.ONCALL);
    worker.registerWorkflowImplementationTypes(HandoffNoticeWorkflowImpl.class);
    worker.registerActivitiesImplementations(rotation);
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  HandoffNoticeWorkflow start() {
    HandoffNoticeWorkflow w = env.getWorkflowClient().newWorkflowStub(
        HandoffNoticeWorkflow.class, WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.ONCALL)
            .setWorkflowId(HandoffNoticeWorkflow.workflowId(5)).build());
    WorkflowClient.start(w::run, 5L);
    return w;
  }

  @Test
  void tellsEachIncomingPersonAtTheStartOfTheirShiftUntilTheScheduleIsDeleted() {
    rotation.deletedAt = Instant.parse("2026-12-01T12:00:00Z");
    HandoffNoticeWorkflow w = start();
    WorkflowStub.fromTyped(w).getResult(Void.class);
    assertThat(rotation.told).containsExactly(
        "2026-11-29T09:00:00Z 2026-11-29T09:00:00Z [1]",
        "2026-11-30T09:00:00Z 2026-11-30T09:00:00Z [2]",
        "2026-12-01T09:00:00Z 2026-12-01T09:00:00Z [1]");
  }

  @Test
  void aScheduleEditedWhileItSleepsCountsAtTheNextCheck() {
    HandoffNoticeWorkflow w = start();
    env.sleep(Duration.ofMinutes(10));
    rotation.shift = Duration.ofHours(-1);
    rotation.deletedAt = Instant.parse("2026-11-29T12:00:00Z");
    WorkflowStub.fromTyped(w).getResult(Void.class);
    assertThat(rotation.told).containsExactly("2026-11-29T08:00:00Z 2026-11-29T08:00:00Z [1]");
  }
}
