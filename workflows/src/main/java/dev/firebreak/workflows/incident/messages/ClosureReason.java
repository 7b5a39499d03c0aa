package dev.firebreak.workflows.incident.messages;

/** Why an incident was closed; required to close before it is mitigated. */
public enum ClosureReason {
  RESOLVED,
  DUPLICATE,
  FALSE_POSITIVE,
  SUPERSEDED,
  EXTERNAL,
  CANCELLED
}
