package dev.firebreak.activities.notify;

import dev.firebreak.workflows.TaskQueues;
import dev.firebreak.workflows.escalation.Notification;
import dev.firebreak.workflows.notify.NotificationPlanWorkflow;
import dev.firebreak.workflows.notify.messages.NotificationPlan;
import dev.firebreak.workflows.notify.messages.PlanRule;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Turns a page of a user into a durable plan: the user's rules (or, without rules, every usable
 * contact method at once) recorded in PostgreSQL and run by a {@link NotificationPlanWorkflow}
 * whose id is the page's key, so that a retried page starts nothing twice.
 */
@Service
public class NotificationPlans {

  private static final Logger log = LoggerFactory.getLogger(NotificationPlans.class);

  private final WorkflowClient client;
  private final ContactMethodStore contacts;
  private final NotificationRuleStore rules;
  private final NotifySendStore sends;

  public NotificationPlans(WorkflowClient client, ContactMethodStore contacts,
      NotificationRuleStore rules, NotifySendStore sends) {
    this.client = client;
    this.contacts = contacts;
    this.rules = rules;
    this.sends = sends;
  }

  /** The plan id of a page: (incident, run, loop, step, user). */
  public static String planId(Notification n) {
    return n.incidentId() + "-" + n.run().replace('#', '-') + "-" + n.loop() + "-" + n.step()
        + "-" + n.recipient().userId();
  }

  /**
   * Starts the plan for this page, or answers empty when the user has no contact method to plan
   * with (the caller falls back to the directory's Slack id).
   */
  public Optional<NotificationPlan> start(Notification n) {
    String name = n.recipient().name();
    Planned planned = planned(n.recipient().userId(), name);
    if (planned.rules().isEmpty()) {
      return Optional.empty();
    }
    List<String> values = planned.values();
    NotificationPlan plan = new NotificationPlan(planId(n), n.incidentId(),
        n.recipient().userId(), name, n.incidentTitle(), n.priority(), n.at(), planned.rules());
    sends.recordPlan(plan, values);
    NotificationPlanWorkflow workflow = client.newWorkflowStub(NotificationPlanWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(NotificationPlanWorkflow.workflowId(plan.planId()))
            .setTaskQueue(TaskQueues.ONCALL)
            .setWorkflowIdReusePolicy(
                WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
            .setStaticSummary("Notification plan of " + name + " for incident #"
                + n.incidentId())
            .build());
    try {
      WorkflowClient.start(workflow::run, plan);
    } catch (WorkflowExecutionAlreadyStarted e) {
      log.debug("plan {} already started", plan.planId());
    }
    return Optional.of(plan);
  }

  /**
   * The rules a page of this user would run, in the user's order: empty when the user has no
   * contact method to plan with. The escalation simulator shows them.
   */
  public List<PlanRule> rulesFor(long userId, String name) {
    return planned(userId, name).rules();
  }

  /** A plan's rules with the value each reaches. */
  private record Planned(List<PlanRule> rules, List<String> values) {}

  private Planned planned(long userId, String name) {
    List<ContactMethod> methods = contacts.forUser(userId);
    List<PlanRule> planned = new ArrayList<>();
    List<String> values = new ArrayList<>();
    if (methods.isEmpty()) {
      return new Planned(planned, values);
    }
    Map<Long, ContactMethod> byId = methods.stream()
        .collect(Collectors.toMap(ContactMethod::id, Function.identity()));
    List<NotificationRule> userRules = rules.forUser(userId);
    if (userRules.isEmpty()) {
      methods.stream().filter(ContactMethod::usable).forEach(m -> {
        planned.add(new PlanRule("cm" + m.id(), m.id(), m.type(), 0, m.label(name)));
        values.add(m.value());
      });
    } else {
      for (NotificationRule r : userRules) {
        ContactMethod m = byId.get(r.contactMethodId());
        planned.add(new PlanRule("rule" + r.id(), m.id(), m.type(), r.delayMinutes(),
            m.label(name)));
        values.add(m.value());
      }
    }
    return new Planned(planned, values);
  }

  /**
   * Tells every running plan of the incident to stop: called when a reply, a key press or a link
   * acknowledged it, so that no later rule fires even before the read model shows it. Plans that
   * already ended ignore it.
   */
  public void cancelAll(long incidentId, String reason) {
    for (String planId : sends.planIds(incidentId)) {
      try {
        client.newWorkflowStub(NotificationPlanWorkflow.class,
            NotificationPlanWorkflow.workflowId(planId)).cancel(reason);
      } catch (RuntimeException e) {
        log.debug("plan {} not running: {}", planId, e.getMessage());
      }
    }
  }

  /** "Slack now, SMS at 1 min, call at 3 min": the plan in words, for the timeline. */
  public static String describe(NotificationPlan plan) {
    return plan.rules().stream()
        .sorted(Comparator.comparingInt(PlanRule::delayMinutes))
        .map(r -> r.type().word() + (r.delayMinutes() == 0 ? " now"
            : " at " + r.delayMinutes() + " min"))
        .collect(Collectors.joining(", "));
  }
}
