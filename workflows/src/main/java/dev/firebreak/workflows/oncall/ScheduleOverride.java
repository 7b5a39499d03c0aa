package dev.firebreak.workflows.oncall;

import java.time.Instant;

/** {@code userId} is on call from {@code start} (inclusive) to {@code end} (exclusive). */
public record ScheduleOverride(long id, long scheduleId, long userId, Instant start, Instant end) {

  boolean covers(Instant t) {
    return !t.isBefore(start) && t.isBefore(end);
  }
}
