package dev.firebreak.workflows.escalation;

import io.temporal.activity.ActivityInterface;

/** The turn counters of round-robin steps, kept durably outside the workflow. */
@ActivityInterface
public interface RoundRobinActivities {

  /**
   * The turn of {@code incidentId} at step {@code step} (from 0) of policy {@code policyId}: the
   * first call for an incident takes the step's next turn and advances the counter; later calls
   * for the same incident (retries, later rounds) return the same turn. The caller pages person
   * {@code turn % people}.
   */
  long roundRobinTurn(long policyId, int step, long incidentId);
}
