package dev.firebreak.workflows.notify;

import dev.firebreak.workflows.Failures;
import dev.firebreak.workflows.incident.IncidentWorkflow;
import dev.firebreak.workflows.incident.messages.EscalationNote;
import dev.firebreak.workflows.notify.messages.NotificationPlan;
import dev.firebreak.workflows.notify.messages.PlanRule;
import dev.firebreak.workflows.notify.messages.PlanState;
import dev.firebreak.workflows.notify.messages.SendOutcome;
import dev.firebreak.workflows.notify.messages.PlanSend;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;

/**
 * Runs a user's rules in delay order. A send that keeps failing (a provider outage) is given up
 * after {@link #SEND_ATTEMPTS} attempts and the plan goes on to the next rule, so that a dead
 * SMS provider still leaves the call. A rate-limited send waits, bundled, until its window frees.
 * Each outcome is noted on the incident's timeline.
 */
public class NotificationPlanWorkflowImpl implements NotificationPlanWorkflow {

  /** Few attempts per send: a flaky provider must not turn Firebreak into a spammer. */
  static final int SEND_ATTEMPTS = 3;

  private static final Logger log = Workflow.getLogger(NotificationPlanWorkflowImpl.class);

  private final NotifyActivities sender = Workflow.newActivityStub(NotifyActivities.class,
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(30))
          .setRetryOptions(RetryOptions.newBuilder()
              .setInitialInterval(Duration.ofSeconds(2))
              .setMaximumAttempts(SEND_ATTEMPTS)
              .build())
          .build());

  private final List<PlanState.RuleState> rules = new ArrayList<>();
  private String phase = "STARTING";
  private String cancelled;

  @Override
  public PlanState run(NotificationPlan plan) {
    List<PlanRule> ordered = plan.rules().stream()
        .sorted(Comparator.comparingInt(PlanRule::delayMinutes)).toList();
    ordered.forEach(r -> rules.add(new PlanState.RuleState(r.key(), "PENDING", null)));
    phase = "RUNNING";
    for (int i = 0; i < ordered.size(); i++) {
      PlanRule rule = ordered.get(i);
      Instant due = plan.pagedAt().plus(Duration.ofMinutes(rule.delayMinutes()));
      waitUntil(due);
      if (cancelled != null) {
        break;
      }
      SendOutcome outcome = sendUntilDone(plan, rule);
      rules.set(i, new PlanState.RuleState(rule.key(), outcome.status().name(),
          outcome.detail()));
      note(plan, rule, outcome);
      if (outcome.status() == SendOutcome.Status.STOPPED && cancelled == null) {
        cancelled = outcome.detail();
      }
    }
    if (cancelled != null) {
      try {
        sender.cancelRest(plan.planId(), cancelled);
      } catch (ActivityFailure e) {
        log.warn("could not record plan {} as cancelled: {}", plan.planId(), e.getMessage());
      }
      for (int i = 0; i < rules.size(); i++) {
        if ("PENDING".equals(rules.get(i).state())) {
          rules.set(i, new PlanState.RuleState(rules.get(i).key(), "CANCELLED", cancelled));
        }
      }
    }
    phase = cancelled != null ? "CANCELLED" : "DONE";
    return state();
  }

  private SendOutcome sendUntilDone(NotificationPlan plan, PlanRule rule) {
    while (true) {
      SendOutcome outcome;
      try {
        outcome = sender.send(new PlanSend(plan, rule));
      } catch (ActivityFailure e) {
        log.warn("send {} of plan {} failed for good: {}", rule.key(), plan.planId(),
            e.getMessage());
        SendOutcome failed = SendOutcome.failed("gave up after " + SEND_ATTEMPTS
            + " attempts: " + Failures.rootMessage(e));
        try {
          sender.gaveUp(new PlanSend(plan, rule), failed.detail());
        } catch (ActivityFailure recordFailed) {
          log.warn("could not record the failure of {}: {}", rule.key(),
              recordFailed.getMessage());
        }
        return failed;
      }
      if (outcome.status() != SendOutcome.Status.LIMITED) {
        return outcome;
      }
      rules.replaceAll(r -> r.key().equals(rule.key())
          ? new PlanState.RuleState(r.key(), "BUNDLED", outcome.detail()) : r);
      waitUntil(outcome.retryAt());
      if (cancelled != null) {
        return SendOutcome.stopped(cancelled);
      }
    }
  }

  private void waitUntil(Instant due) {
    Duration left = Duration.between(Instant.ofEpochMilli(Workflow.currentTimeMillis()), due);
    if (left.isNegative() || left.isZero()) {
      return;
    }
    Workflow.await(left, () -> cancelled != null);
  }

  private void note(NotificationPlan plan, PlanRule rule, SendOutcome outcome) {
    String message = switch (outcome.status()) {
      case SENT -> rule.label() + " sent" + detail(outcome);
      case FAILED -> rule.label() + " failed" + detail(outcome) + "; going on to the next rule";
      case STOPPED -> rule.label() + " not sent: " + outcome.detail();
      case LIMITED -> rule.label() + " waiting for its rate limit";
    };
    try {
      Workflow.newExternalWorkflowStub(IncidentWorkflow.class,
              IncidentWorkflow.workflowId(plan.incidentId()))
          .noteEscalation(new EscalationNote(List.of(message)));
    } catch (RuntimeException e) {
      log.info("could not note on incident {}: {}", plan.incidentId(), e.getMessage());
    }
  }

  private static String detail(SendOutcome outcome) {
    return outcome.detail() == null || outcome.detail().isBlank() ? ""
        : " (" + outcome.detail() + ")";
  }

  @Override
  public void cancel(String reason) {
    if (cancelled == null) {
      cancelled = reason == null ? "cancelled" : reason;
    }
  }

  @Override
  public PlanState state() {
    return new PlanState(phase, List.copyOf(rules));
  }
}
