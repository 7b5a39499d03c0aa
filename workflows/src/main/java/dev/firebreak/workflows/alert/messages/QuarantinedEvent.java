package dev.firebreak.workflows.alert.messages;

import java.time.Instant;

/**
 * An event an alert group could not store, and why. {@code key} makes a retried quarantine write
 * one row; {@code groupId} is the stored group it belongs to, or null when the group itself
 * could not be stored (for example its dedup key is too long).
 */
public record QuarantinedEvent(
    String key,
    String workflowId,
    long serviceId,
    String dedupKey,
    Long groupId,
    String reason,
    AlertEvent event,
    Instant at) {}
