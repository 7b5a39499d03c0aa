package dev.firebreak.workflows.integrations.messages;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** What a sync run changed, step by step. */
public record SyncReport(String sync, Instant finishedAt, List<SyncChange> changes) {

  public boolean changedAnything() {
    return changes.stream().anyMatch(SyncChange::changedAnything);
  }

  public String summary() {
    return sync + ": " + changes.stream().map(SyncChange::toString)
        .collect(Collectors.joining(", "));
  }
}
