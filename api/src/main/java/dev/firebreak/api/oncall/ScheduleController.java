package dev.firebreak.api.oncall;

import dev.firebreak.activities.calendar.CalendarFeeds;
import dev.firebreak.activities.calendar.FeedKind;
import dev.firebreak.activities.oncall.Schedules;
import dev.firebreak.api.calendar.CalendarController;
import dev.firebreak.api.oncall.ScheduleViews.OnCallView;
import dev.firebreak.api.oncall.ScheduleViews.ScheduleView;
import dev.firebreak.api.oncall.ScheduleViews.ShiftsView;
import dev.firebreak.api.problem.Checker;
import dev.firebreak.workflows.oncall.ScheduleDraft;
import dev.firebreak.workflows.oncall.ScheduleOverride;
import dev.firebreak.workflows.validation.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Schedules over HTTP: translates requests into calls on {@link Schedules} (which validates with
 * the schedule's own rules) and results into {@link ScheduleViews}.
 */
@RestController
@RequestMapping("/api/v1/schedules")
@Tag(name = "Schedules", description = "Who is on call: layered rotations, restrictions, overrides")
public class ScheduleController {

  public record OverrideRequest(Long userId, Instant start, Instant end) {}

  private final Schedules schedules;
  private final CalendarFeeds calendars;

  public ScheduleController(Schedules schedules, CalendarFeeds calendars) {
    this.schedules = schedules;
    this.calendars = calendars;
  }

  @PostMapping
  @Operation(summary = "Create a schedule")
  public ResponseEntity<ScheduleView> create(@RequestBody ScheduleDraft body) {
    ScheduleView created = ScheduleViews.view(schedules.create(body));
    return ResponseEntity.created(URI.create("/api/v1/schedules/" + created.id())).body(created);
  }

  @GetMapping
  public List<ScheduleView> list() {
    return schedules.list().stream().map(ScheduleViews::view).toList();
  }

  @GetMapping("/{id}")
  public ScheduleView get(@PathVariable long id) {
    return ScheduleViews.view(schedules.get(id))
        .withCalendarUrl(CalendarController.url(calendars, FeedKind.SCHEDULE, id));
  }

  @PutMapping("/{id}")
  public ScheduleView update(@PathVariable long id, @RequestBody ScheduleDraft body) {
    return ScheduleViews.view(schedules.update(id, body));
  }

  @DeleteMapping("/{id}")
  public ResponseEntity<Void> delete(@PathVariable long id) {
    schedules.delete(id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{id}/oncall")
  @Operation(summary = "Who is on call at an instant (now when at is absent)")
  public OnCallView onCall(@PathVariable long id, @RequestParam(required = false) String at) {
    Instant when = at == null ? Instant.now() : instant("at", at);
    return ScheduleViews.view(schedules.onCall(id, when));
  }

  @GetMapping("/{id}/shifts")
  @Operation(summary = "The final shifts between from and to, after layers and overrides")
  public ShiftsView shifts(@PathVariable long id, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    Checker check = new Checker();
    check.require("from", from);
    check.require("to", to);
    check.done();
    Instant start = instant("from", from);
    Instant end = instant("to", to);
    return ScheduleViews.view(id, start, end, schedules.shifts(id, start, end));
  }

  @PostMapping("/{id}/overrides")
  @Operation(summary = "Put a user on call for a span, replacing everyone else then")
  public ResponseEntity<ScheduleOverride> addOverride(@PathVariable long id,
      @RequestBody OverrideRequest body) {
    ScheduleOverride created =
        schedules.addOverride(id, body.userId(), body.start(), body.end());
    return ResponseEntity.created(
        URI.create("/api/v1/schedules/" + id + "/overrides/" + created.id())).body(created);
  }

  @GetMapping("/{id}/overrides")
  @Operation(summary = "Overrides that have not ended (or that overlap from..to)")
  public List<ScheduleOverride> overrides(@PathVariable long id,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    if (from != null || to != null) {
      return schedules.overrides(id, from == null ? Instant.EPOCH : instant("from", from),
          to == null ? Instant.parse("9999-12-31T00:00:00Z") : instant("to", to));
    }
    return schedules.overrides(id, Instant.now());
  }

  @DeleteMapping("/{id}/overrides/{overrideId}")
  public ResponseEntity<Void> deleteOverride(@PathVariable long id,
      @PathVariable long overrideId) {
    schedules.deleteOverride(id, overrideId);
    return ResponseEntity.noContent().build();
  }

  static Instant instant(String field, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw InvalidInput.of(field, "'" + value + "' is not an instant (like 2026-11-02T09:00:00Z)");
    }
  }
}
