package dev.firebreak.workflows.escalation;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * When a step runs: on {@code days}, from {@code from} to {@code to} ("HH:mm", local to {@code
 * timeZone}); outside it the step is skipped at once. A window whose {@code to} is not after its
 * {@code from} runs overnight: "22:00" to "06:00" on a Friday covers Friday night to Saturday
 * 06:00. Pure, so that a workflow can ask it with {@code Workflow.currentTimeMillis()}.
 */
public record StepWindow(List<DayOfWeek> days, String from, String to, String timeZone) {

  public StepWindow {
    days = List.copyOf(days);
  }

  /** Whether {@code at} falls inside the window. */
  public boolean contains(Instant at) {
    ZonedDateTime local = at.atZone(ZoneId.of(timeZone));
    LocalTime start = LocalTime.parse(from);
    LocalTime end = LocalTime.parse(to);
    LocalTime time = local.toLocalTime();
    if (start.isBefore(end)) {
      return days.contains(local.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end);
    }
    // overnight: the evening part belongs to today, the morning part to yesterday's window
    return (days.contains(local.getDayOfWeek()) && !time.isBefore(start))
        || (days.contains(local.getDayOfWeek().minus(1)) && time.isBefore(end));
  }

  /** As people read it on the timeline: "MONDAY..FRIDAY 09:00-18:00 Europe/Paris". */
  public String describe() {
    return days + " " + from + "-" + to + " " + timeZone;
  }
}
