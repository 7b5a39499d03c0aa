package dev.firebreak.api.analytics;

import dev.firebreak.activities.store.IncidentAnalytics;
import dev.firebreak.api.problem.Checker;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Analytics", description = "Response metrics from the incidents' key events")
public class AnalyticsController {

  private static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

  private final IncidentAnalytics analytics;

  public AnalyticsController(IncidentAnalytics analytics) {
    this.analytics = analytics;
  }

  @GetMapping("/api/v1/analytics/incidents")
  @Operation(summary = "Counts and time to detect, acknowledge (MTTA), mitigate and resolve (MTTR)",
      description = "Over the incidents declared in [from, to) (default: the last 30 days),"
          + " optionally for one service")
  public IncidentAnalytics.Report incidents(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) Long serviceId) {
    Checker check = new Checker();
    Instant end = instant(check, "to", to, Instant.now());
    Instant start = instant(check, "from", from, end.minus(DEFAULT_WINDOW));
    if (check.ok() && !start.isBefore(end)) {
      check.problem("from", "must be before to");
    }
    check.done();
    return analytics.report(start, end, serviceId);
  }

  private static Instant instant(Checker check, String field, String value, Instant fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      check.problem(field, "'" + value + "' is not an instant like 2026-11-22T10:00:00Z");
      return fallback;
    }
  }
}
