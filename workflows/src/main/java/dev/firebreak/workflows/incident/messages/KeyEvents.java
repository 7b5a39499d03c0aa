package dev.firebreak.workflows.incident.messages;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The incident's milestones. Each may be null while unknown. When set, they must be in this order:
 * started, detected, declared, mitigated, recovered, resolved. {@code acknowledged} (the first
 * acknowledgement, which stops paging) stands outside that order.
 */
public record KeyEvents(
    Instant started,
    Instant detected,
    Instant declared,
    Instant mitigated,
    Instant recovered,
    Instant resolved,
    Instant acknowledged) {

  public static final KeyEvents NONE = new KeyEvents(null, null, null, null, null, null);

  /** Without an acknowledgement. */
  public KeyEvents(
      Instant started,
      Instant detected,
      Instant declared,
      Instant mitigated,
      Instant recovered,
      Instant resolved) {
    this(started, detected, declared, mitigated, recovered, resolved, null);
  }

  /** Values of {@code changes} that are not null replace this record's. */
  public KeyEvents merge(KeyEvents changes) {
    return new KeyEvents(
        pick(changes.started, started),
        pick(changes.detected, detected),
        pick(changes.declared, declared),
        pick(changes.mitigated, mitigated),
        pick(changes.recovered, recovered),
        pick(changes.resolved, resolved),
        pick(changes.acknowledged, acknowledged));
  }

  public KeyEvents withAcknowledgedIfUnset(Instant at) {
    return acknowledged != null ? this
        : merge(new KeyEvents(null, null, null, null, null, null, at));
  }

  public KeyEvents withDeclaredIfUnset(Instant at) {
    return declared != null ? this : merge(new KeyEvents(null, null, at, null, null, null));
  }

  public KeyEvents withMitigatedIfUnset(Instant at) {
    return mitigated != null ? this : merge(new KeyEvents(null, null, null, at, null, null));
  }

  public KeyEvents withResolvedIfUnset(Instant at) {
    return resolved != null ? this : merge(new KeyEvents(null, null, null, null, null, at));
  }

  /** The milestones in lifecycle order, by name, unset ones included as null. */
  public Map<String, Instant> inOrder() {
    Map<String, Instant> events = new LinkedHashMap<>();
    events.put("started", started);
    events.put("detected", detected);
    events.put("declared", declared);
    events.put("mitigated", mitigated);
    events.put("recovered", recovered);
    events.put("resolved", resolved);
    return events;
  }

  private static Instant pick(Instant change, Instant current) {
    return change != null ? change : current;
  }
}
