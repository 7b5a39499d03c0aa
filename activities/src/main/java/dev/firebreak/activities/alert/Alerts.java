package dev.firebreak.activities.alert;

import dev.firebreak.workflows.alert.messages.AlertEventRecord;
import dev.firebreak.workflows.alert.messages.AlertGroup;
import dev.firebreak.workflows.alert.messages.AlertStatus;
import dev.firebreak.workflows.validation.NotFound;
import dev.firebreak.workflows.validation.Problems;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reads of the alert read model for people: pages of alert groups, one group with its recent
 * events, and what routing rules suppressed. Pages are bounded at {@value #MAX_PAGE}.
 */
@Component
public class Alerts {

  public static final int MAX_PAGE = 200;

  /** One page of alert groups, newest first, and how many match in all. */
  public record AlertPage(List<AlertGroup> items, long total) {}

  /** A group with its most recent events and the events it quarantined, newest first. */
  public record AlertWithEvents(
      AlertGroup group, List<AlertEventRecord> events, List<QuarantineEntry> quarantined) {}

  private final AlertStore alerts;

  public Alerts(AlertStore alerts) {
    this.alerts = alerts;
  }

  /** {@code status} in any case, or null for every status. */
  public AlertPage list(Long serviceId, String status, int limit, int offset) {
    Problems check = new Problems();
    AlertStatus wanted = check.oneOf("status", status, AlertStatus.class, null);
    if (limit < 1 || limit > MAX_PAGE) {
      check.add("limit", "must be between 1 and " + MAX_PAGE);
    }
    if (offset < 0) {
      check.add("offset", "must not be negative");
    }
    check.throwIfAny();
    AlertStore.Filter filter = new AlertStore.Filter(serviceId, wanted);
    return new AlertPage(alerts.list(filter, limit, offset), alerts.count(filter));
  }

  public AlertWithEvents get(long id) {
    AlertGroup group = alerts.find(id).orElseThrow(() -> new NotFound("no alert " + id));
    return new AlertWithEvents(group, alerts.recentEvents(id),
        alerts.quarantined(id, AlertStore.RECENT_EVENTS));
  }

  /**
   * Quarantined events of no stored group (the group itself was refused, e.g. for its dedup
   * key), newest first; {@code serviceId} may be null; {@code limit} clamped to 1..200.
   */
  public List<QuarantineEntry> quarantinedWithoutGroup(Long serviceId, int limit) {
    return alerts.quarantinedWithoutGroup(serviceId, Math.max(1, Math.min(limit, MAX_PAGE)));
  }

  /** The latest events suppressed for {@code serviceId}; {@code limit} clamped to 1..200. */
  public List<SuppressedEvent> suppressed(long serviceId, int limit) {
    return alerts.suppressed(serviceId, Math.max(1, Math.min(limit, MAX_PAGE)));
  }
}
