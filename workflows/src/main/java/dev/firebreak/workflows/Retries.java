package dev.firebreak.workflows;

import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * The catalogue of every activity's timeouts and retries, so the policy of the whole system reads
 * in one place. Two kinds: Firebreak's own store and lookups retry without limit (an outage must
 * delay a workflow, never fail it); calls that reach people or SaaS are capped, lest a flaky
 * provider turn Firebreak into a spammer, and their failure is noted where a person sees it.
 */
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

  /** Pages are capped at 3 attempts: a flaky channel must not page a person over and over. */
  public static final int NOTIFY_ATTEMPTS = 3;

  /** Attempts to open a PagerDuty incident before the page is released and noted as failed. */
  public static final int PAGERDUTY_TRIGGER_ATTEMPTS = 6;

  private Retries() {}

  /** {@link #UNTIL_DONE} with a start-to-close timeout, on the workflow's own task queue. */
  public static ActivityOptions untilDone(Duration startToClose) {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(startToClose)
        .setRetryOptions(UNTIL_DONE)
        .build();
  }

  /** {@link #untilDone(Duration)} on another worker's task queue. */
  public static ActivityOptions untilDone(Duration startToClose, String taskQueue) {
    return ActivityOptions.newBuilder(untilDone(startToClose)).setTaskQueue(taskQueue).build();
  }

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

  /** The escalation's policy and on-call lookups: without limit, 1 s doubling up to 30 s. */
  public static ActivityOptions escalationLookups() {
    return capped(Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(30), 0);
  }

  /** One page of one person: {@link #NOTIFY_ATTEMPTS} attempts, 2 s apart and doubling. */
  public static ActivityOptions notification() {
    return capped(Duration.ofSeconds(30), Duration.ofSeconds(2), null, NOTIFY_ATTEMPTS);
  }

  /** Claiming a PagerDuty service's one page per incident, on the integrations worker. */
  public static ActivityOptions pagerDutyClaim() {
    return ActivityOptions.newBuilder(
            capped(Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(30), 10))
        .setTaskQueue(TaskQueues.INTEGRATIONS)
        .build();
  }

  /** Opening a PagerDuty incident: {@link #PAGERDUTY_TRIGGER_ATTEMPTS}, 1 s up to 30 s. */
  public static ActivityOptions pagerDutyTrigger() {
    return capped(Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(30),
        PAGERDUTY_TRIGGER_ATTEMPTS);
  }

  /** A note an integration writes on an incident's timeline: 5 attempts. */
  public static ActivityOptions incidentNote() {
    return capped(Duration.ofSeconds(30), null, null, 5);
  }

  /**
   * An incident's Jira ticket or postmortem page, on the integrations worker: its own attempts
   * and first interval (set per deployment), doubling up to 1 min, 60 s per attempt.
   */
  public static ActivityOptions integration(Duration initialInterval, int maxAttempts) {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.INTEGRATIONS)
        .setStartToCloseTimeout(Duration.ofSeconds(60))
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(initialInterval)
                .setBackoffCoefficient(2)
                .setMaximumInterval(Duration.ofMinutes(1))
                .setMaximumAttempts(maxAttempts)
                .build())
        .build();
  }

  /** A step of a periodic sync with PagerDuty or Confluence: 5 attempts, 5 min each. */
  public static ActivityOptions syncStep() {
    return capped(Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(30), 5);
  }

  /** A part of the Slack directory sync: 5 attempts, 2 s up to 1 min, 10 min each. */
  public static ActivityOptions slackSync() {
    return capped(Duration.ofMinutes(10), Duration.ofSeconds(2), Duration.ofMinutes(1), 5);
  }

  /** An incident's Slack channel, announcement and posts: 5 attempts, 1 s up to 30 s. */
  public static ActivityOptions slackNotice() {
    return capped(Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(30), 5);
  }

  /** An SOS message to a person or group: 5 attempts from 1 s. */
  public static ActivityOptions sos() {
    return capped(Duration.ofSeconds(60), Duration.ofSeconds(1), null, 5);
  }

  /** Finding and inviting an incident's responders: 3 attempts, 1 s up to 10 s. */
  public static ActivityOptions invite() {
    return capped(Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(10), 3);
  }

  /**
   * Options with a start-to-close timeout and a retry policy; a null interval keeps Temporal's
   * default, and {@code maxAttempts} 0 means without limit.
   */
  private static ActivityOptions capped(Duration startToClose, Duration initialInterval,
      Duration maximumInterval, int maxAttempts) {
    RetryOptions.Builder retry = RetryOptions.newBuilder().setMaximumAttempts(maxAttempts);
    if (initialInterval != null) {
      retry.setInitialInterval(initialInterval);
    }
    if (maximumInterval != null) {
      retry.setMaximumInterval(maximumInterval);
    }
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(startToClose)
        .setRetryOptions(retry.build())
        .build();
  }
}
