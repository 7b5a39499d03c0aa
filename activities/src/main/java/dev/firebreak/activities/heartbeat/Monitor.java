package dev.firebreak.activities.heartbeat;

import java.time.Instant;

/** A heartbeat monitor as stored; {@code status} is NEW, UP or DOWN. */
public record Monitor(
    long id, String name, long serviceId, String key, int intervalSeconds, int graceSeconds,
    boolean muted, String status, Instant lastPingAt, Instant createdAt) {}
