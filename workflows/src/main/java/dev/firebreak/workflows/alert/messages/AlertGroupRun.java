package dev.firebreak.workflows.alert.messages;

import java.util.List;

/**
 * What an {@code AlertGroupWorkflow} run starts from: nothing on a first start, or the state a
 * previous run continued as new with. {@code generation} counts the groups this run chain has
 * opened; {@code pending} holds events not applied yet (those after a resolve open the next
 * group); {@code recentBatchIds} keeps the dedup window of signals across runs; {@code
 * maintenanceUntilMillis}, when set, is the end of the maintenance window the group waits out
 * before it opens its incident.
 */
public record AlertGroupRun(
    long serviceId,
    String dedupKey,
    boolean searchAttributes,
    AlertGroup group,
    int generation,
    int nextEventSeq,
    List<AlertEvent> pending,
    List<String> recentBatchIds,
    Long maintenanceUntilMillis) {

  public AlertGroupRun(long serviceId, String dedupKey, boolean searchAttributes,
      AlertGroup group, int generation, int nextEventSeq, List<AlertEvent> pending,
      List<String> recentBatchIds) {
    this(serviceId, dedupKey, searchAttributes, group, generation, nextEventSeq, pending,
        recentBatchIds, null);
  }

  public static AlertGroupRun first(long serviceId, String dedupKey, boolean searchAttributes) {
    return new AlertGroupRun(serviceId, dedupKey, searchAttributes, null, 0, 1, List.of(),
        List.of());
  }
}
