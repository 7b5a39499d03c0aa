package dev.firebreak.workflows.escalation;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Pages an incident's responders by an escalation policy, workflow id {@code
 * escalation-<incidentId>-<run>}, a child of the incident workflow. It stops at once when the
 * incident is acknowledged or resolved (MITIGATED or later), and never pages twice for one step.
 */
@WorkflowInterface
public interface EscalationWorkflow {

  static String workflowId(long incidentId, int run) {
    return "escalation-" + incidentId + "-" + run;
  }

  @WorkflowMethod
  EscalationState run(EscalationRun run);

  /** Stop paging; with an ack timeout, page again if not resolved by then. */
  @SignalMethod
  void acknowledge(String by);

  /** The incident is resolved (or the escalation replaced): stop for good. */
  @SignalMethod
  void stop(String reason);

  /** Skip the rest of the current step's wait: page the next step now. */
  @SignalMethod
  void escalateNow();

  @QueryMethod
  EscalationState state();

  /**
   * What the escalation wrote, or would have written, on the incident's timeline, the latest
   * {@value EscalationWorkflowImpl#TIMELINE_KEPT} lines: how the simulator shows skipped steps and
   * round-robin turns.
   */
  @QueryMethod
  java.util.List<String> timeline();
}
