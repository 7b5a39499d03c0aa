package dev.firebreak.activities.alert;

import java.time.Instant;

/** An event a routing rule suppressed: recorded, no alert. */
public record SuppressedEvent(
    long id, long serviceId, String ruleName, String dedupKey, String action, String summary,
    String event, Instant receivedAt) {}
