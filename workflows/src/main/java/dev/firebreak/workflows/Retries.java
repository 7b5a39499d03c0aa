package dev.firebreak.workflows;

import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/** Activity options shared by workflows. */
public final class Retries {

  /**
   * For Firebreak's own store and configuration lookups: retried without limit (1 s doubling up
   * to 1 min), since a database outage must delay a workflow, never fail it.
   */
  public static final RetryOptions UNTIL_DONE =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setMaximumInterval(Duration.ofMinutes(1))
          .build();

  /**
   * The {@code ApplicationFailure} type of an error retrying cannot fix: data the database refuses
   * (SQLState classes 22 and 23: a NUL character, a value too long, a broken constraint). Thrown
   * non-retryable by the activities, so a workflow sees it at once and quarantines the event.
   */
  public static final String PERMANENT_DATA_ERROR = "PermanentDataError";

  /**
   * How long a store activity retries a transient error (connection lost, timeout, rollback)
   * before its workflow sees it: a week, far beyond any outage worth waiting for.
   */
  public static final Duration STORE_SCHEDULE_TO_CLOSE = Duration.ofDays(7);

  private Retries() {}

  /**
   * A local store activity: {@link #UNTIL_DONE} within {@link #STORE_SCHEDULE_TO_CLOSE}, so only
   * a permanent error or a week-long outage reaches the workflow, which then quarantines.
   */
  public static LocalActivityOptions untilDoneLocal(Duration startToClose) {
    return LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(startToClose)
        .setScheduleToCloseTimeout(STORE_SCHEDULE_TO_CLOSE)
        .setRetryOptions(UNTIL_DONE)
        .build();
  }

  /** {@link #UNTIL_DONE} with a start-to-close timeout, on the workflow's own task queue. */
  public static ActivityOptions untilDone(Duration startToClose) {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(startToClose)
        .setRetryOptions(UNTIL_DONE)
        .build();
  }
}
