package dev.firebreak.workflows.escalation;

import dev.firebreak.workflows.Retries;
import dev.firebreak.workflows.escalation.messages.EscalationStep;
import dev.firebreak.workflows.Catching;
import dev.firebreak.workflows.TaskQueues;
import dev.firebreak.workflows.incident.IncidentWorkflow;
import dev.firebreak.workflows.incident.messages.EscalationNote;
import dev.firebreak.workflows.integrations.PagerDutyPageClaims;
import dev.firebreak.workflows.integrations.PagerDutyTriggerWorkflow;
import dev.firebreak.workflows.integrations.messages.PagerDutyTrigger;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * PagerDuty's semantics: each step pages its targets (schedules resolved when the step runs), then
 * waits its delay; after the last step's wait the policy starts over, {@code repeat} more times.
 * An acknowledgement or a resolution stops paging at once; {@link #escalateNow()} cuts the current
 * wait short. With an ack timeout, an acknowledged incident still unresolved that long after is
 * escalated again from the first step. Pages that fail are noted and escalation goes on.
 */
public class EscalationWorkflowImpl implements EscalationWorkflow {

  public static final EscalationPhase STARTING = EscalationPhase.STARTING;
  public static final EscalationPhase PAGING = EscalationPhase.PAGING;
  public static final EscalationPhase ACKNOWLEDGED = EscalationPhase.ACKNOWLEDGED;
  public static final EscalationPhase EXHAUSTED = EscalationPhase.EXHAUSTED;
  public static final EscalationPhase STOPPED = EscalationPhase.STOPPED;

  static final int NOTIFY_ATTEMPTS = Retries.NOTIFY_ATTEMPTS;

  /**
   * Version 1 cancels the notification plans of the incident once it is acknowledged or resolved
   * (issue 12); histories before it ended without that activity.
   */
  static final String CANCEL_PLANS = "cancel-notification-plans";

  /** Version 1 survives a configuration lookup that failed for good: noted, and paging goes on. */
  static final String CATCH = "escalation-catch";

  private static final Logger log = Workflow.getLogger(EscalationWorkflowImpl.class);

  private final EscalationActivities config =
      Workflow.newActivityStub(EscalationActivities.class, Retries.escalationLookups());

  /** Claims a PagerDuty service's one page per incident, on the integrations worker. */
  private final PagerDutyPageClaims pagerDuty =
      Workflow.newActivityStub(PagerDutyPageClaims.class, Retries.pagerDutyClaim());

  private EscalationRun in;
  private EscalationPhase phase = STARTING;
  private int trigger;
  private int loop = -1;
  private int step = -1;
  private int notified;
  private boolean acknowledged;
  private String acknowledgedBy;
  private boolean stopped;
  private int escalateNowRequests;
  /** Who the current step paged, for Temporal UI's current details. */
  private final List<String> paged = new ArrayList<>();

  @Override
  public EscalationState run(EscalationRun run) {
    this.in = run;
    EscalationPolicy policy;
    try {
      policy = config.policy(run.policyId());
    } catch (ActivityFailure failed) {
      policy = null;
      log.warn("escalation policy {} could not be read: {}", run.policyId(),
          Catching.orRethrow(CATCH, failed));
    }
    if (policy == null || policy.steps().isEmpty()) {
      note(List.of("Escalation policy " + run.policyId() + " is missing or has no steps:"
          + " nobody was paged"));
      phase = EXHAUSTED;
      return state();
    }
    note(List.of("Escalation started with policy \"" + policy.name() + "\" ("
        + policy.steps().size() + " steps, repeat " + policy.repeat() + ")"));
    while (true) {
      page(policy);
      cancelPlans();
      if (stopped) {
        phase = STOPPED;
        break;
      }
      if (!acknowledged) {
        phase = EXHAUSTED;
        note(List.of("Escalation policy \"" + policy.name() + "\" exhausted after "
            + (policy.repeat() + 1) + " rounds: nobody acknowledged"));
        break;
      }
      phase = ACKNOWLEDGED;
      if (run.ackTimeoutMinutes() == null) {
        break;
      }
      Workflow.setCurrentDetails(EscalationDetails.escalationDone(in.incidentId(),
          "Acknowledged by " + acknowledgedBy) + "\n\n- next: paging again from step 1 at "
          + Instant.ofEpochMilli(Workflow.currentTimeMillis())
              .plus(Duration.ofMinutes(run.ackTimeoutMinutes()))
          + " unless resolved");
      int requests = escalateNowRequests;
      Workflow.await(Duration.ofMinutes(run.ackTimeoutMinutes()),
          () -> stopped || escalateNowRequests != requests);
      if (stopped) {
        phase = STOPPED;
        break;
      }
      note(List.of(escalateNowRequests != requests
          ? "Escalated while acknowledged by " + acknowledgedBy
              + ": paging again from the first step"
          : "Acknowledged by " + acknowledgedBy + " but still unresolved after "
              + run.ackTimeoutMinutes() + " minutes: escalating again from the first step"));
      acknowledged = false;
      acknowledgedBy = null;
      trigger++;
    }
    return state();
  }

  /** Pages the policy's rounds until they are done, acknowledged or stopped. */
  private void page(EscalationPolicy policy) {
    for (int l = 0; l <= policy.repeat(); l++) {
      for (int s = 0; s < policy.steps().size(); s++) {
        if (acknowledged || stopped) {
          return;
        }
        phase = PAGING;
        loop = l;
        step = s;
        EscalationPolicy.Step current = policy.steps().get(s);
        // an escalate-now that arrives while this step pages skips this step's wait
        int requests = escalateNowRequests;
        pageStep(current);
        Workflow.setCurrentDetails(EscalationDetails.escalationPaging(in.incidentId(), policy, l, s,
            paged, Instant.ofEpochMilli(Workflow.currentTimeMillis())
                .plus(Duration.ofMinutes(current.delayMinutes()))));
        Workflow.await(Duration.ofMinutes(current.delayMinutes()),
            () -> acknowledged || stopped || escalateNowRequests != requests);
      }
    }
  }

  private void pageStep(EscalationPolicy.Step current) {
    paged.clear();
    Instant at = Instant.ofEpochMilli(Workflow.currentTimeMillis());
    EscalationStep position = new EscalationStep(trigger, loop, step);
    String where = position.describe();
    List<EscalationPolicy.Target> people = current.targets();
    List<String> messages = new ArrayList<>();
    if (people.stream().anyMatch(t -> t.type() == EscalationPolicy.TargetType.PAGERDUTY)) {
      people = people.stream()
          .filter(t -> t.type() != EscalationPolicy.TargetType.PAGERDUTY).toList();
      for (EscalationPolicy.Target target : current.targets()) {
        if (target.type() == EscalationPolicy.TargetType.PAGERDUTY) {
          messages.add(pagePagerDuty(target.pagerdutyServiceId(), position));
        }
      }
      if (people.isEmpty()) {
        note(messages);
        return;
      }
    }
    List<Recipient> recipients;
    try {
      recipients = config.resolve(people, at);
    } catch (ActivityFailure failed) {
      messages.add("Could not find whom to page at " + where + ": "
          + Catching.orRethrow(CATCH, failed) + "; escalation goes on");
      note(messages);
      return;
    }
    if (recipients.isEmpty()) {
      messages.add("Nobody to page at " + where + " (no one on call); escalation goes on");
      note(messages);
      return;
    }
    String runKey = Workflow.getInfo().getWorkflowId() + "#" + trigger;
    List<Promise<NotificationResult>> results = new ArrayList<>();
    for (Recipient r : recipients) {
      Notification n = new Notification(in.incidentId(), runKey, loop, step, r,
          in.incidentTitle(), in.priority(), at);
      // the summary Temporal UI shows on the activity; user metadata, not matched on replay
      NotificationActivities page = Workflow.newActivityStub(NotificationActivities.class,
          ActivityOptions.newBuilder(Retries.notification())
              .setSummary("page " + r.name() + " (" + position.describe() + ")")
              .build());
      results.add(Async.function(page::notify, n));
    }
    for (int i = 0; i < recipients.size(); i++) {
      Recipient r = recipients.get(i);
      NotificationResult result;
      try {
        result = results.get(i).get();
      } catch (ActivityFailure e) {
        log.warn("page to user {} failed for good: {}", r.userId(), e.getMessage());
        result = new NotificationResult(false, "slack", "gave up after " + NOTIFY_ATTEMPTS
            + " attempts: " + rootMessage(e));
      }
      if (result.sent()) {
        notified++;
        paged.add(r.name() + " via " + result.via());
        messages.add("Paged " + r.name() + " via " + result.via() + " (" + where + ")");
      } else {
        messages.add("Could not page " + r.name() + " (" + where + "): " + result.detail()
            + "; escalation goes on");
      }
    }
    note(messages);
  }

  /**
   * Pages a PagerDuty service through a {@link PagerDutyTriggerWorkflow}, once per incident
   * whatever the round: the claim is the same the escalate endpoint takes. The trigger workflow
   * notes on the incident whether PagerDuty opened its incident.
   */
  private String pagePagerDuty(String serviceId, EscalationStep position) {
    String where = position.describe();
    PagerDutyTrigger trigger = new PagerDutyTrigger(in.incidentId(), serviceId,
        "escalation policy (" + where + ")", position);
    String claim;
    try {
      claim = pagerDuty.claimPagerDutyTrigger(trigger);
    } catch (ActivityFailure e) {
      return "Could not page PagerDuty service " + serviceId + " (" + where + "): "
          + rootMessage(e) + "; escalation goes on";
    }
    if (PagerDutyPageClaims.DISABLED.equals(claim)) {
      return "Could not page PagerDuty service " + serviceId + " (" + where
          + "): PagerDuty is not enabled; escalation goes on";
    }
    if (!PagerDutyPageClaims.CLAIMED.equals(claim)) {
      return "PagerDuty service " + serviceId + " was already paged for this incident ("
          + where + ")";
    }
    PagerDutyTriggerWorkflow child = Workflow.newChildWorkflowStub(
        PagerDutyTriggerWorkflow.class,
        ChildWorkflowOptions.newBuilder()
            .setWorkflowId(PagerDutyTriggerWorkflow.workflowId(in.incidentId(), serviceId))
            .setTaskQueue(TaskQueues.INTEGRATIONS)
            .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
            .build());
    Async.function(child::triggerPagerDuty, trigger);
    try {
      Workflow.getWorkflowExecution(child).get();
    } catch (RuntimeException e) {
      return "Could not page PagerDuty service " + serviceId + " (" + where + "): "
          + rootMessage(e) + "; escalation goes on";
    }
    return "Paging PagerDuty service " + serviceId + " (" + where + ")";
  }

  /**
   * After paging ended by an acknowledgement or a resolution, the plans of what was paged stop
   * at once; a failure is only logged, since each plan also checks the incident before it sends.
   */
  private void cancelPlans() {
    if ((!acknowledged && !stopped) || notified == 0
        || Workflow.getVersion(CANCEL_PLANS, Workflow.DEFAULT_VERSION, 1)
            == Workflow.DEFAULT_VERSION) {
      return;
    }
    String reason = stopped ? "the incident was resolved"
        : "acknowledged by " + acknowledgedBy;
    try {
      NotificationActivities plans = Workflow.newActivityStub(NotificationActivities.class,
          ActivityOptions.newBuilder(Retries.notification())
              .setSummary("cancel the notification plans (" + reason + ")")
              .build());
      plans.cancelPlans(in.incidentId(), reason);
    } catch (ActivityFailure e) {
      log.warn("could not cancel the plans of incident {}: {}", in.incidentId(),
          e.getMessage());
    }
  }

  private void note(List<String> messages) {
    if (!in.noteOnIncident()) {
      return;
    }
    try {
      Workflow.newExternalWorkflowStub(IncidentWorkflow.class,
              IncidentWorkflow.workflowId(in.incidentId()))
          .noteEscalation(new EscalationNote(messages));
    } catch (RuntimeException e) {
      // the incident workflow is gone (closed): nothing left to write on
      log.info("could not note on incident {}: {}", in.incidentId(), e.getMessage());
    }
  }

  @Override
  public void acknowledge(String by) {
    if (!acknowledged) {
      acknowledged = true;
      acknowledgedBy = by == null ? "someone" : by;
    }
  }

  @Override
  public void stop(String reason) {
    stopped = true;
  }

  @Override
  public void escalateNow() {
    escalateNowRequests++;
  }

  @Override
  public EscalationState state() {
    return new EscalationState(phase, trigger, loop, step, notified, acknowledgedBy);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
