package dev.firebreak.workflows;

import io.temporal.activity.ActivityOptions;
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

  private Retries() {}

  /** {@link #UNTIL_DONE} with a start-to-close timeout, on the workflow's own task queue. */
  public static ActivityOptions untilDone(Duration startToClose) {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(startToClose)
        .setRetryOptions(UNTIL_DONE)
        .build();
  }
}
