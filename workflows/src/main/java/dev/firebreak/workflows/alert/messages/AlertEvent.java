package dev.firebreak.workflows.alert.messages;

import dev.firebreak.workflows.incident.messages.Priority;
import java.time.Instant;

/**
 * One event for an alert group, or {@code count} consecutive events of the same action coalesced
 * into one (the latest one's content, the first and last arrival). {@code priority} is the
 * priority of the incident a trigger opens, or null for an alert only. {@code details} is the
 * event's custom details as JSON text, capped.
 */
public record AlertEvent(
    AlertAction action,
    int count,
    String summary,
    String source,
    String severity,
    Priority priority,
    Instant firstAt,
    Instant lastAt,
    String details) {

  /** Whether {@code next} may be folded into this one: both triggers. */
  public boolean coalescesWith(AlertEvent next) {
    return action == AlertAction.TRIGGER && next.action == AlertAction.TRIGGER;
  }

  /** This and {@code next} (which came later) as one event carrying the newer content. */
  public AlertEvent plus(AlertEvent next) {
    return new AlertEvent(action, count + next.count, next.summary, next.source, next.severity,
        next.priority, firstAt, next.lastAt, next.details);
  }
}
