package dev.firebreak.workflows.notify.messages;

import java.time.Instant;
import java.util.List;

/**
 * The next handoff of a schedule: who comes on call at {@code start}, until {@code end}. {@code
 * start} is null when no handoff comes within the lookahead; a null handoff means the schedule is
 * gone.
 */
public record Handoff(long scheduleId, String scheduleName, Instant start, Instant end,
    List<Long> userIds) {}
