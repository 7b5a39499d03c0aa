package dev.firebreak.activities.alert;

import java.time.Instant;

/**
 * An event a group could not store, kept as its workflow sent it: {@code event} is its JSON, and
 * every text is escaped so that NUL and broken surrogates show as {@code \\u0000}.
 */
public record QuarantineEntry(
    long id, String workflowId, long serviceId, String dedupKey, Long groupId, String reason,
    String event, Instant quarantinedAt) {}
