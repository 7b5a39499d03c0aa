package dev.firebreak.workflows.integrations.messages;

import java.time.Duration;

/**
 * A periodic sync run as a workflow where the Temporal server has no Schedules: run the workflow
 * type {@code workflowType} as a child, sleep {@code period}, continue as new.
 */
public record SyncLoop(String workflowType, Duration period, long iteration) {

  public SyncLoop next() {
    return new SyncLoop(workflowType, period, iteration + 1);
  }
}
