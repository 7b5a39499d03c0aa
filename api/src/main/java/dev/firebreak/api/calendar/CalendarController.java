package dev.firebreak.api.calendar;

import dev.firebreak.activities.calendar.CalendarFeeds;
import dev.firebreak.activities.calendar.FeedKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Calendar feeds over HTTP. The feeds are open routes: a calendar client sends no login, only the
 * feed's secret token, which {@link CalendarFeeds} checks (a wrong one reads as 404). Revoking a
 * token is for whoever may change the schedule, or the person and admins for a user's feed.
 */
@RestController
@Tag(name = "Calendars", description = "iCalendar feeds of final shifts, with secret tokens")
public class CalendarController {

  private static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

  private final CalendarFeeds feeds;

  public CalendarController(CalendarFeeds feeds) {
    this.feeds = feeds;
  }

  /** The absolute URL of a feed, with its token, issued on first use. */
  public static String url(CalendarFeeds feeds, FeedKind kind, long id) {
    String path = kind == FeedKind.SCHEDULE
        ? "/api/v1/schedules/" + id + "/calendar.ics" : "/api/v1/users/" + id + "/oncall.ics";
    return ServletUriComponentsBuilder.fromCurrentContextPath().path(path)
        .queryParam("token", feeds.token(kind, id)).build().toUriString();
  }

  @GetMapping("/api/v1/schedules/{id}/calendar.ics")
  @Operation(summary = "A schedule's final shifts as iCalendar (token from the schedule's JSON)")
  public ResponseEntity<String> schedule(@PathVariable long id,
      @RequestParam(required = false) String token) {
    return ResponseEntity.ok().contentType(CALENDAR)
        .body(feeds.scheduleFeed(id, token, Instant.now()));
  }

  @GetMapping("/api/v1/users/{id}/oncall.ics")
  @Operation(summary = "One person's shifts across every schedule as iCalendar")
  public ResponseEntity<String> user(@PathVariable long id,
      @RequestParam(required = false) String token) {
    return ResponseEntity.ok().contentType(CALENDAR)
        .body(feeds.userFeed(id, token, Instant.now()));
  }

  @DeleteMapping("/api/v1/schedules/{id}/calendar-token")
  @Operation(summary = "Revoke a schedule's feed URL; a new one appears in its JSON")
  public ResponseEntity<Void> revokeSchedule(@PathVariable long id) {
    feeds.revoke(FeedKind.SCHEDULE, id);
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping("/api/v1/users/{id}/calendar-token")
  @Operation(summary = "Revoke a person's feed URL; a new one appears in their JSON")
  public ResponseEntity<Void> revokeUser(@PathVariable long id) {
    feeds.revoke(FeedKind.USER, id);
    return ResponseEntity.noContent().build();
  }
}
