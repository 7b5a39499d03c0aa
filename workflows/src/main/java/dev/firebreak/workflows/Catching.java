package dev.firebreak.workflows;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;

/**
 * How a long-running workflow survives an activity that failed for good (data the database
 * refuses, a week-long outage): it catches the failure and goes on, where it used to fail the
 * run. The change is versioned, and asked for only once something failed, so the histories of
 * runs where nothing failed carry no marker and replay as before, and a run that failed before
 * the change replays to its failure.
 */
public final class Catching {

  private Catching() {}

  /** Whether a failure met now is caught (version 1 of {@code changeId}) or ends the run. */
  public static boolean caught(String changeId) {
    return Workflow.getVersion(changeId, Workflow.DEFAULT_VERSION, 1) == 1;
  }

  /** {@code failure} rethrown unless {@link #caught}; then its reason in a line. */
  public static String orRethrow(String changeId, ActivityFailure failure) {
    if (!caught(changeId)) {
      throw failure;
    }
    return reason(failure);
  }

  /** The failure in a line: its type and message. */
  public static String reason(ActivityFailure failure) {
    Throwable cause = failure.getCause();
    if (cause instanceof ApplicationFailure app) {
      return app.getType() + ": " + app.getOriginalMessage();
    }
    return cause == null ? failure.getMessage()
        : cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}
