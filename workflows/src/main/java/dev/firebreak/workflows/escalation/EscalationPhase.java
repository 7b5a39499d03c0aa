package dev.firebreak.workflows.escalation;

/** Where an escalation is in its life. */
public enum EscalationPhase {
  /** Reading its policy; nobody paged yet. */
  STARTING,
  /** Paging a step, or waiting for that step's delay. */
  PAGING,
  /** Someone acknowledged: no more pages (until an ack timeout escalates again). */
  ACKNOWLEDGED,
  /** Every round of every step paged, and nobody acknowledged. */
  EXHAUSTED,
  /** The incident was resolved, or the escalation replaced. */
  STOPPED
}
