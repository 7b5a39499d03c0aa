package dev.firebreak.activities.shiftswap;

import java.time.Instant;

/**
 * A request for cover of {@code [start, end)} in a schedule. {@code status}: OPEN, TAKEN (by
 * {@code takenBy}, with the override {@code overrideId} that moved the shift) or EXPIRED (its
 * start passed untaken).
 */
public record ShiftRequest(long id, long scheduleId, long requesterId, Instant start,
    Instant end, String note, String status, Long takenBy, Long overrideId) {}
