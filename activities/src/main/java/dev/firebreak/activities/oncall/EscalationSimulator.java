package dev.firebreak.activities.oncall;

import dev.firebreak.activities.notify.NotificationPlans;
import dev.firebreak.workflows.notify.messages.PlanRule;
import dev.firebreak.workflows.TaskQueues;
import dev.firebreak.workflows.integrations.PagerDutyPageClaims;
import dev.firebreak.workflows.integrations.PagerDutyTriggerWorkflow;
import dev.firebreak.workflows.integrations.messages.PagerDutyTrigger;
import dev.firebreak.workflows.integrations.messages.PagerDutyTriggered;
import io.temporal.activity.Activity;
import dev.firebreak.workflows.escalation.EscalationActivities;
import dev.firebreak.workflows.escalation.EscalationPolicy;
import dev.firebreak.workflows.escalation.EscalationRun;
import dev.firebreak.workflows.escalation.messages.EscalationStep;
import dev.firebreak.workflows.escalation.EscalationWorkflow;
import dev.firebreak.workflows.escalation.EscalationWorkflowImpl;
import dev.firebreak.workflows.escalation.Notification;
import dev.firebreak.workflows.escalation.NotificationActivities;
import dev.firebreak.workflows.escalation.NotificationResult;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Runs the real {@link EscalationWorkflowImpl} on Temporal's time-skipping test server, starting
 * at the simulated instant, with the real on-call lookups (schedules, teams, users from the
 * database) and notifications that are only recorded. Hours of escalation take milliseconds.
 */
@Component
public class EscalationSimulator {

  /** One page the policy would send, {@code atMinute} after the incident opened. */
  public record SimulatedNotification(long atMinute, int step, int loop, long userId,
      String userName, String via) {}

  public record Simulation(long policyId, Instant at, Integer ackAfterMinutes,
      List<SimulatedNotification> notifications) {}

  private final EscalationActivities lookups;
  private final NotificationPlans plans;

  public EscalationSimulator(EscalationActivities lookups) {
    this(lookups, null);
  }

  /** With {@code plans}, a page of a user with rules shows each rule ("minute 1: sms"). */
  @Autowired
  public EscalationSimulator(EscalationActivities lookups, NotificationPlans plans) {
    this.lookups = lookups;
    this.plans = plans;
  }

  /** Records pages instead of sending them. */
  static final class RecordingPager implements NotificationActivities {
    final List<Notification> sent = new CopyOnWriteArrayList<>();

    @Override
    public NotificationResult notify(Notification n) {
      sent.add(n);
      boolean reachable = n.recipient().slackUserId() != null;
      return new NotificationResult(reachable, reachable ? "slack" : "none",
          reachable ? null : "no contact method");
    }
  }

  /**
   * Records PagerDuty pages instead of sending them: the first claim of a service succeeds, later
   * ones find it already paged, as for a real incident. The step and round come with the page.
   */
  static final class RecordingPagerDuty implements PagerDutyPageClaims {
    final List<SimulatedNotification> sent = new CopyOnWriteArrayList<>();
    private final Instant start;

    RecordingPagerDuty(Instant start) {
      this.start = start;
    }

    @Override
    public String claimPagerDutyTrigger(PagerDutyTrigger trigger) {
      boolean first = sent.stream().noneMatch(s -> s.userName().equals(name(trigger)));
      if (first) {
        EscalationStep where = trigger.escalationStep() == null
            ? new EscalationStep(0, 0, 0) : trigger.escalationStep();
        Instant now = Instant.ofEpochMilli(
            Activity.getExecutionContext().getInfo().getScheduledTimestamp());
        sent.add(new SimulatedNotification(Duration.between(start, now).toMinutes(),
            where.step(), where.round(), 0, name(trigger), "pagerduty"));
      }
      return first ? CLAIMED : ALREADY_PAGED;
    }

    private static String name(PagerDutyTrigger trigger) {
      return "PagerDuty service " + trigger.serviceId();
    }
  }

  /** The simulation's PagerDuty trigger: the page was recorded when it was claimed. */
  public static class SimulatedPagerDutyTrigger implements PagerDutyTriggerWorkflow {
    @Override
    public PagerDutyTriggered triggerPagerDuty(PagerDutyTrigger trigger) {
      return new PagerDutyTriggered("SIMULATED", null, trigger.serviceId());
    }
  }

  public Simulation simulate(EscalationPolicy policy, Instant at, Integer ackAfterMinutes) {
    RecordingPager pager = new RecordingPager();
    RecordingPagerDuty pagerDuty = new RecordingPagerDuty(at);
    TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(
        TestEnvironmentOptions.newBuilder().setInitialTime(at).build());
    try {
      Worker worker = env.newWorker(TaskQueues.ONCALL);
      worker.registerWorkflowImplementationTypes(EscalationWorkflowImpl.class);
      worker.registerActivitiesImplementations(lookups, pager);
      Worker integrations = env.newWorker(TaskQueues.INTEGRATIONS);
      integrations.registerWorkflowImplementationTypes(SimulatedPagerDutyTrigger.class);
      integrations.registerActivitiesImplementations(pagerDuty);
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      EscalationWorkflow workflow = client.newWorkflowStub(EscalationWorkflow.class,
          WorkflowOptions.newBuilder()
              .setWorkflowId(EscalationWorkflow.workflowId(0, 1))
              .setTaskQueue(TaskQueues.ONCALL)
              .setWorkflowExecutionTimeout(Duration.ofDays(60))
              .build());
      WorkflowClient.start(workflow::run, new EscalationRun(0, 1, policy.id(), null,
          "Simulated incident", "P1", false));
      if (ackAfterMinutes != null) {
        env.sleep(Duration.ofMinutes(ackAfterMinutes));
        workflow.acknowledge("the simulation");
      }
      WorkflowStub.fromTyped(workflow).getResult(60, java.util.concurrent.TimeUnit.SECONDS, Object.class);
      List<SimulatedNotification> out = new ArrayList<>();
      for (Notification n : pager.sent) {
        long minute = Duration.between(at, n.at()).toMinutes();
        List<PlanRule> rules = plans == null ? List.of()
            : plans.rulesFor(n.recipient().userId(), n.recipient().name());
        if (rules.isEmpty()) {
          out.add(new SimulatedNotification(minute, n.step(), n.loop(), n.recipient().userId(),
              n.recipient().name(), n.recipient().slackUserId() != null ? "slack" : "none"));
        }
        for (PlanRule rule : rules) {
          long due = minute + rule.delayMinutes();
          if (ackAfterMinutes == null || due < ackAfterMinutes) {
            out.add(new SimulatedNotification(due, n.step(), n.loop(), n.recipient().userId(),
                n.recipient().name(), rule.type().word()));
          }
        }
      }
      out.addAll(pagerDuty.sent);
      out.sort(Comparator.comparingLong(SimulatedNotification::atMinute)
          .thenComparingInt(SimulatedNotification::loop)
          .thenComparingInt(SimulatedNotification::step)
          .thenComparingLong(SimulatedNotification::userId));
      return new Simulation(policy.id(), at, ackAfterMinutes, out);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("the simulation did not finish", e);
    } finally {
      env.close();
    }
  }
}
