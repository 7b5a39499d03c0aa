package dev.firebreak.workflows.integrations;

import dev.firebreak.workflows.Failures;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;

/** Says in one line why an integration gave up, for the incident's timeline. */
public final class IntegrationFailures {

  private IntegrationFailures() {}

  public static String reason(Throwable failure) {
    Throwable t = Failures.root(failure);
    String message = t instanceof ApplicationFailure app ? app.getOriginalMessage()
        : t instanceof TemporalFailure temporal ? temporal.getOriginalMessage()
        : t.getMessage();
    if (message == null || message.isBlank()) {
      message = t.getClass().getSimpleName();
    }
    return message.length() > 500 ? message.substring(0, 500) + "…" : message;
  }
}
