package dev.firebreak.workflows.alert.messages;

import java.util.List;

/**
 * Events for one (service, dedup key), in arrival order, sent as one signal. The workflow ignores
 * a batch id it has seen, so a retried signal never counts twice.
 */
public record AlertBatch(String batchId, List<AlertEvent> events) {

  public boolean hasTrigger() {
    return events.stream().anyMatch(e -> e.action() == AlertAction.TRIGGER);
  }

  public long eventCount() {
    return events.stream().mapToLong(AlertEvent::count).sum();
  }
}
