package dev.firebreak.workflows.notify;

import dev.firebreak.workflows.Retries;
import dev.firebreak.workflows.notify.messages.Handoff;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;

/**
 * Sleeps until the schedule's next handoff and tells who comes on call. The next handoff is read
 * again at least every {@link #RECHECK}, so that an edited schedule or a new override counts; a
 * run continues as new after {@link #ROUNDS} reads to keep its history short.
 */
public class HandoffNoticeWorkflowImpl implements HandoffNoticeWorkflow {

  static final Duration RECHECK = Duration.ofHours(1);
  static final int ROUNDS = 100;

  private static final Logger log = Workflow.getLogger(HandoffNoticeWorkflowImpl.class);

  private final HandoffActivities handoffs = Workflow.newActivityStub(HandoffActivities.class,
      Retries.untilDone(Duration.ofSeconds(30)));

  /** A notice is tried a few times: a late "you are on call" helps nobody. */
  private final HandoffActivities notices = Workflow.newActivityStub(HandoffActivities.class,
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(30))
          .setRetryOptions(RetryOptions.newBuilder()
              .setInitialInterval(Duration.ofSeconds(2))
              .setMaximumAttempts(3)
              .build())
          .build());

  @Override
  public void run(long scheduleId) {
    for (int round = 0; round < ROUNDS; round++) {
      Instant now = Instant.ofEpochMilli(Workflow.currentTimeMillis());
      Handoff next = handoffs.nextHandoff(scheduleId, now);
      if (next == null) {
        return;
      }
      if (next.start() == null || Duration.between(now, next.start()).compareTo(RECHECK) > 0) {
        Workflow.sleep(RECHECK);
        continue;
      }
      Duration wait = Duration.between(now, next.start());
      if (!wait.isNegative() && !wait.isZero()) {
        Workflow.sleep(wait);
      }
      try {
        notices.tell(next);
      } catch (ActivityFailure e) {
        log.warn("handoff notice of schedule {} at {} not sent: {}", scheduleId, next.start(),
            e.getMessage());
      }
    }
    Workflow.continueAsNew(scheduleId);
  }
}
