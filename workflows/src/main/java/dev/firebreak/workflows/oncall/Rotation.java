package dev.firebreak.workflows.oncall;

import java.time.LocalDateTime;

/**
 * How often a layer hands off to the next user: every day or every week at the same local time
 * (so a 09:00 handoff stays at 09:00 across daylight-saving changes), or every {@code hours}
 * elapsed hours.
 */
public record Rotation(Type type, int hours) {

  public enum Type {
    DAILY,
    WEEKLY,
    HOURS
  }

  public static final Rotation DAILY = new Rotation(Type.DAILY, 0);
  public static final Rotation WEEKLY = new Rotation(Type.WEEKLY, 0);

  public static Rotation everyHours(int hours) {
    return new Rotation(Type.HOURS, hours);
  }

  /** The local start of turn {@code turn} for a layer starting at {@code start} (DAILY/WEEKLY). */
  LocalDateTime localTurnStart(LocalDateTime start, long turn) {
    return type == Type.WEEKLY ? start.plusWeeks(turn) : start.plusDays(turn);
  }
}
