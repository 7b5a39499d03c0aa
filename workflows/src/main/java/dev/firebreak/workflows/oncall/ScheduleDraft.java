package dev.firebreak.workflows.oncall;

import java.util.List;

/**
 * A schedule as a person writes it (REST body, Slack modal), not yet checked: {@code start} is a
 * local date-time in the schedule's zone; {@code rotation} is {@code "daily"}, {@code "weekly"} or
 * {@code {"hours": N}}. {@link ScheduleValidation} turns it into a {@link Schedule} or refuses it.
 */
public record ScheduleDraft(String name, String timeZone, List<LayerDraft> layers) {

  public record LayerDraft(String name, String start, Object rotation, List<Long> users,
      List<RestrictionDraft> restrictions) {}

  /** {@code days} like {@code ["MON","TUE"]} (all when absent), {@code from}/{@code to} "HH:mm". */
  public record RestrictionDraft(List<String> days, String from, String to) {}
}
