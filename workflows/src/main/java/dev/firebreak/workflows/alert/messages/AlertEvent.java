package dev.firebreak.workflows.alert.messages;

import dev.firebreak.workflows.incident.messages.Priority;
import java.time.Instant;
import java.util.Objects;

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

  /**
   * Whether {@code next} may be folded into this one: both triggers with the same content (only
   * their times differ). Folding nothing else keeps a poison event (one the store refuses) apart
   * from its good neighbours, so quarantining it never takes their counts with it.
   */
  public boolean coalescesWith(AlertEvent next) {
    return action == AlertAction.TRIGGER && next.action == AlertAction.TRIGGER
        && Objects.equals(summary, next.summary) && Objects.equals(source, next.source)
        && Objects.equals(severity, next.severity) && priority == next.priority
        && Objects.equals(details, next.details);
  }

  /** This and {@code next} (which came later) as one event carrying the newer content. */
  public AlertEvent plus(AlertEvent next) {
    return new AlertEvent(action, count + next.count, next.summary, next.source, next.severity,
        next.priority, firstAt, next.lastAt, next.details);
  }
}
