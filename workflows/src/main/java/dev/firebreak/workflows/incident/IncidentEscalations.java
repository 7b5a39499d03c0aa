package dev.firebreak.workflows.incident;

import dev.firebreak.workflows.Catching;
import dev.firebreak.workflows.Retries;
import dev.firebreak.workflows.TaskQueues;
import dev.firebreak.workflows.escalation.EscalationActivities;
import dev.firebreak.workflows.escalation.EscalationRun;
import dev.firebreak.workflows.escalation.EscalationState;
import dev.firebreak.workflows.escalation.EscalationTrigger;
import dev.firebreak.workflows.escalation.EscalationWorkflow;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.IncidentEscalation;
import dev.firebreak.workflows.incident.messages.Status;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * The escalations of one incident, kept out of the lifecycle's code: each runs as a child {@link
 * EscalationWorkflow} ({@code escalation-<id>-<n>}), and the incident tells the running one when
 * it is acknowledged, escalated or resolved. Its state ({@link IncidentEscalation}) travels
 * across continue-as-new.
 *
 * <p>Workflow code: deterministic, no I/O except through activities and child workflows.
 */
final class IncidentEscalations {

  /** Version 1 starts an escalation when the incident's service has a policy. */
  static final String ESCALATION_VERSION = "escalation";

  private static final Logger log = Workflow.getLogger(IncidentEscalations.class);

  private final EscalationActivities oncall =
      Workflow.newActivityStub(EscalationActivities.class,
          Retries.untilDone(Duration.ofSeconds(30), TaskQueues.ONCALL));

  private IncidentEscalation state;

  IncidentEscalations(IncidentEscalation state) {
    this.state = state;
  }

  /** What the next run of the incident workflow continues with. */
  IncidentEscalation state() {
    return state;
  }

  boolean active() {
    return state != null && state.active();
  }

  /** On a new incident: starts its service's escalation policy, if it has one. */
  void startForService(Incident incident, String catchChangeId) {
    if (incident.serviceId() == null) {
      return;
    }
    EscalationTrigger trigger = null;
    try {
      trigger = oncall.escalationFor(incident.serviceId());
    } catch (ActivityFailure failed) {
      log.warn("incident {}: no escalation: {}", incident.id(),
          Catching.orRethrow(catchChangeId, failed));
    }
    if (trigger != null && incident.status().isBefore(Status.MITIGATED)) {
      start(incident, trigger.policyId(), trigger.ackTimeoutMinutes());
    }
  }

  /** Paging stops; without an ack timeout the escalation is over. */
  void acknowledged(long incidentId, String who) {
    if (!active()) {
      return;
    }
    signal(incidentId, state.runs(), e -> e.acknowledge(who), "acknowledge");
    if (state.ackTimeoutMinutes() == null) {
      state = new IncidentEscalation(state.runs(), false, null);
    }
  }

  /** The running escalation pages its next step now. */
  void escalateNow(long incidentId) {
    signal(incidentId, state.runs(), EscalationWorkflow::escalateNow, "escalateNow");
  }

  void stop(long incidentId, String reason) {
    if (active()) {
      signal(incidentId, state.runs(), e -> e.stop(reason), "stop");
      state = new IncidentEscalation(state.runs(), false, state.ackTimeoutMinutes());
    }
  }

  /**
   * Starts escalation run {@code n+1} as a child. ABANDON: the escalation outlives a
   * continue-as-new of the incident workflow (the next run signals it by id); it ends by itself
   * once acknowledged, resolved or exhausted, and is bounded by its policy's repeats.
   */
  void start(Incident incident, long policyId, Integer ackTimeoutMinutes) {
    int run = state == null ? 1 : state.runs() + 1;
    state = new IncidentEscalation(run, true, ackTimeoutMinutes);
    EscalationWorkflow child =
        Workflow.newChildWorkflowStub(
            EscalationWorkflow.class,
            ChildWorkflowOptions.newBuilder()
                .setWorkflowId(EscalationWorkflow.workflowId(incident.id(), run))
                .setTaskQueue(TaskQueues.ONCALL)
                // Temporal UI's summary: user metadata, not matched on replay
                .setStaticSummary("Escalation " + run + " of " + incident.priority()
                    + " incident #" + incident.id() + " (policy " + policyId + ")")
                .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
                .setWorkflowIdReusePolicy(
                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .build());
    Promise<EscalationState> done = Async.function(child::run,
            new EscalationRun(incident.id(), run, policyId, ackTimeoutMinutes, incident.title(),
                incident.priority().name(), true));
    done.handle((ended, failure) -> {
      if (state != null && state.runs() == run) {
        state = new IncidentEscalation(run, false, state.ackTimeoutMinutes());
      }
      return null;
    });
    try {
      Workflow.getWorkflowExecution(child).get();
    } catch (RuntimeException e) {
      log.warn("escalation {} of incident {} did not start: {}", run, incident.id(),
          e.getMessage());
      state = new IncidentEscalation(run, false, ackTimeoutMinutes);
    }
  }

  /** Signals escalation run {@code run}, typed; one that has ended already is left alone. */
  private static void signal(long incidentId, int run, Consumer<EscalationWorkflow> signal,
      String what) {
    try {
      signal.accept(Workflow.newExternalWorkflowStub(EscalationWorkflow.class,
          EscalationWorkflow.workflowId(incidentId, run)));
    } catch (RuntimeException e) {
      log.info("escalation {} of incident {} did not take {}: {}", run, incidentId, what,
          e.getMessage());
    }
  }
}
