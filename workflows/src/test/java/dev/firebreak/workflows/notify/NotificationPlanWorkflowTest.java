package dev.firebreak.workflows.notify;

import dev.firebreak.workflows.notify.messages.ContactType;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.workflows.TaskQueues;
import dev.firebreak.workflows.notify.messages.NotificationPlan;
import dev.firebreak.workflows.notify.messages.PlanRule;
import dev.firebreak.workflows.notify.messages.PlanSend;
import dev.firebreak.workflows.notify.messages.PlanState;
import dev.firebreak.workflows.notify.messages.SendOutcome;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Notification plans on the time-skipping test server, with a recording sender: each rule at its
 * delay, an acknowledgement cancelling what is left, a provider outage going on to the next
 * rule, a rate-limited send waiting for its window.
 */
class NotificationPlanWorkflowTest {

  static final Instant START = Instant.parse("2026-11-29T03:00:00Z");

  /** Records each send with the (test server) time it was made; outcomes by rule key. */
  static class Sender implements NotifyActivities {
    final List<String> sent = new CopyOnWriteArrayList<>();
    final Map<String, Function<Integer, SendOutcome>> outcomes = new ConcurrentHashMap<>();
    final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    final List<String> cancelled = new CopyOnWriteArrayList<>();
    TestWorkflowEnvironment env;

    @Override
    public SendOutcome send(PlanSend send) {
      int attempt = attempts.merge(send.rule().key(), 1, Integer::sum);
      long minute = Duration.between(START, Instant.ofEpochMilli(env.currentTimeMillis()))
          .toMinutes();
      SendOutcome outcome = outcomes.getOrDefault(send.rule().key(), n -> SendOutcome.sent(null))
          .apply(attempt);
      sent.add("minute " + minute + ": " + send.rule().label() + " -> " + outcome.status());
      return outcome;
    }

    @Override
    public void gaveUp(PlanSend send, String why) {
      sent.add("gave up " + send.rule().key() + ": " + why);
    }

    @Override
    public void cancelRest(String planId, String reason) {
      cancelled.add(planId + ": " + reason);
    }
  }

  TestWorkflowEnvironment env;
  Sender sender;
  WorkflowClient client;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance(
        TestEnvironmentOptions.newBuilder().setInitialTime(START).build());
    sender = new Sender();
    sender.env = env;
    Worker worker = env.newWorker(TaskQueues.ONCALL);
    worker.registerWorkflowImplementationTypes(NotificationPlanWorkflowImpl.class);
    worker.registerActivitiesImplementations(sender);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  static NotificationPlan plan(PlanRule... rules) {
    return new NotificationPlan("42-escalation-42-1-0-0-0-7", 42, 7, "Alice", "Database down",
        "P1", START, List.of(rules));
  }

  static final PlanRule SLACK = new PlanRule("r1", 1, ContactType.SLACK, 0, "Slack to Alice");
  static final PlanRule SMS = new PlanRule("r2", 2, ContactType.SMS, 1, "SMS to Alice");
  static final PlanRule CALL = new PlanRule("r3", 3, ContactType.VOICE, 3, "call to Alice");

  NotificationPlanWorkflow start(NotificationPlan plan) {
    NotificationPlanWorkflow workflow = client.newWorkflowStub(NotificationPlanWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.ONCALL)
            .setWorkflowId(NotificationPlanWorkflow.workflowId(plan.planId())).build());
    WorkflowClient.start(workflow::run, plan);
    return workflow;
  }

  PlanState result(NotificationPlanWorkflow workflow) {
    return WorkflowStub.fromTyped(workflow).getResult(PlanState.class);
  }

  @Test
  void eachRuleFiresAtItsDelayInDelayOrder() {
    NotificationPlanWorkflow plan = start(plan(CALL, SLACK, SMS));
    PlanState done = result(plan);
    assertThat(sender.sent).containsExactly(
        "minute 0: Slack to Alice -> SENT",
        "minute 1: SMS to Alice -> SENT",
        "minute 3: call to Alice -> SENT");
    assertThat(done.phase()).isEqualTo("DONE");
    assertThat(done.rules()).extracting(PlanState.RuleState::state)
        .containsExactly("SENT", "SENT", "SENT");
  }

  @Test
  void anAcknowledgementAfterTheSmsCancelsTheCall() {
    NotificationPlanWorkflow plan = start(plan(SLACK, SMS, CALL));
    env.sleep(Duration.ofSeconds(90));
    assertThat(sender.sent).hasSize(2);
    plan.cancel("acknowledged via SMS");
    PlanState done = result(plan);
    env.sleep(Duration.ofMinutes(5));
    assertThat(sender.sent).containsExactly(
        "minute 0: Slack to Alice -> SENT", "minute 1: SMS to Alice -> SENT");
    assertThat(done.phase()).isEqualTo("CANCELLED");
    assertThat(done.rules().get(2))
        .isEqualTo(new PlanState.RuleState("r3", "CANCELLED", "acknowledged via SMS"));
    assertThat(sender.cancelled).containsExactly(
        "42-escalation-42-1-0-0-0-7: acknowledged via SMS");
  }

  @Test
  void anIncidentAcknowledgedElsewhereStopsThePlanAtItsNextSend() {
    sender.outcomes.put("r2", n -> SendOutcome.stopped("incident #42 was acknowledged"));
    PlanState done = result(start(plan(SLACK, SMS, CALL)));
    assertThat(sender.sent).containsExactly(
        "minute 0: Slack to Alice -> SENT", "minute 1: SMS to Alice -> STOPPED");
    assertThat(done.rules()).extracting(PlanState.RuleState::state)
        .containsExactly("SENT", "STOPPED", "CANCELLED");
  }

  @Test
  void aProviderOutageGoesOnToTheNextRule() {
    sender.outcomes.put("r2", n -> {
      throw new IllegalStateException("Twilio answered 503");
    });
    PlanState done = result(start(plan(SLACK, SMS, CALL)));
    assertThat(sender.attempts.get("r2")).isEqualTo(NotificationPlanWorkflowImpl.SEND_ATTEMPTS);
    assertThat(done.rules().get(1).state()).isEqualTo("FAILED");
    assertThat(done.rules().get(1).detail()).contains("gave up after 3 attempts",
        "Twilio answered 503");
    assertThat(sender.sent).last().isEqualTo("minute 3: call to Alice -> SENT");
    assertThat(sender.sent).anyMatch(s -> s.startsWith("gave up r2: gave up after 3 attempts"));
  }

  @Test
  void aRateLimitedSendWaitsForItsWindowAndIsNotDropped() {
    sender.outcomes.put("r2", n -> n == 1
        ? SendOutcome.limited("bundled", START.plus(Duration.ofMinutes(10)))
        : SendOutcome.sent("with 2 more incidents in one message"));
    PlanState done = result(start(plan(SMS)));
    assertThat(sender.sent).containsExactly("minute 1: SMS to Alice -> LIMITED",
        "minute 10: SMS to Alice -> SENT");
    assertThat(done.rules().get(0).detail()).isEqualTo("with 2 more incidents in one message");
  }
}
