package dev.firebreak.workflows.escalation;

/** How a step pages its targets. */
public enum StepMode {
  /** Everyone its targets stand for, at once (the default). */
  ALL,
  /**
   * One person of its targets per incident, in turn: the turn is a counter per (policy, step)
   * kept in PostgreSQL, so that consecutive incidents land on consecutive people.
   */
  ROUND_ROBIN
}
