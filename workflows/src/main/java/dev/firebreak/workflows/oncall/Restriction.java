package dev.firebreak.workflows.oncall;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * A window of local time in which a layer has someone on call: on each of {@code days} (all days
 * when empty), from {@code from} to {@code to}. When {@code to} is not after {@code from} the window
 * runs past midnight into the next day (equal means a whole day).
 */
public record Restriction(List<DayOfWeek> days, LocalTime from, LocalTime to) {

  public Restriction {
    days = days == null ? List.of() : List.copyOf(days);
  }

  boolean onDay(DayOfWeek day) {
    return days.isEmpty() || days.contains(day);
  }

  /** Whether the local moment {@code t} falls in this window. */
  boolean covers(LocalDateTime t) {
    LocalTime time = t.toLocalTime();
    if (from.isBefore(to)) {
      return onDay(t.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(to);
    }
    // past midnight: today's window from `from`, or yesterday's window until `to`
    return (onDay(t.getDayOfWeek()) && !time.isBefore(from))
        || (onDay(t.getDayOfWeek().minus(1)) && time.isBefore(to));
  }
}
