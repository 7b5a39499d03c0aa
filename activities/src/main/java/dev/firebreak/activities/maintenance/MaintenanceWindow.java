package dev.firebreak.activities.maintenance;

import java.time.Instant;

/** A service's maintenance window: from {@code start} (inclusive) to {@code end} (exclusive). */
public record MaintenanceWindow(
    long id, long serviceId, Instant start, Instant end, String reason, String createdBy) {}
