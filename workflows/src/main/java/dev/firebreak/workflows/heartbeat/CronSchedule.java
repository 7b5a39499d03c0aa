package dev.firebreak.workflows.heartbeat;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.firebreak.workflows.validation.Problems;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A heartbeat's cron ("0 2 * * *", Unix syntax), in its time zone: when the next check-in is due.
 * Parsed and computed by cron-utils on zoned times, so that a nightly job at 02:00 Paris is due at
 * 02:00 local on either side of a daylight-saving change. Pure: a workflow may call it.
 */
public final class CronSchedule {

  private static final CronParser PARSER =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private CronSchedule() {}

  /** The first run strictly after {@code after}, in {@code timeZone}. */
  public static Instant next(String cron, String timeZone, Instant after) {
    ExecutionTime runs = ExecutionTime.forCron(PARSER.parse(cron));
    return runs.nextExecution(after.atZone(ZoneId.of(timeZone)))
        .map(ZonedDateTime::toInstant)
        .orElseThrow(() -> new IllegalArgumentException("cron " + cron + " never runs"));
  }

  /** Adds a problem for a cron or a zone that cannot be used; the cron normalized, or null. */
  public static String validate(Problems problems, String cron, String timeZone) {
    problems.require("timeZone", timeZone);
    if (timeZone != null) {
      try {
        ZoneId.of(timeZone.trim());
      } catch (DateTimeException e) {
        problems.add("timeZone", "'" + timeZone + "' is not a time zone");
      }
    }
    try {
      Cron parsed = PARSER.parse(cron.trim());
      parsed.validate();
      if (ExecutionTime.forCron(parsed).nextExecution(ZonedDateTime.now(ZoneId.of("UTC")))
          .isEmpty()) {
        problems.add("cron", "'" + cron + "' never runs");
        return null;
      }
      return parsed.asString();
    } catch (IllegalArgumentException e) {
      problems.add("cron", "'" + cron + "' is not a cron expression (minute hour day month"
          + " weekday): " + e.getMessage());
      return null;
    }
  }
}
