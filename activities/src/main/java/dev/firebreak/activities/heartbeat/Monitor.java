package dev.firebreak.activities.heartbeat;

import java.time.Instant;

/**
 * A heartbeat monitor as stored; {@code status} is NEW, UP or DOWN. Either {@code
 * intervalSeconds} or {@code cron} (with its {@code timeZone}) is set.
 */
public record Monitor(
    long id, String name, long serviceId, String key, Integer intervalSeconds, int graceSeconds,
    boolean muted, String status, Instant lastPingAt, Instant createdAt, String cron,
    String timeZone) {}
