package dev.firebreak.activities.calendar;

import dev.firebreak.activities.directory.User;
import dev.firebreak.activities.directory.UserStore;
import dev.firebreak.activities.oncall.OnCallLookup;
import dev.firebreak.activities.oncall.OnCallLookup.ShiftUsers;
import dev.firebreak.activities.oncall.ScheduleStore;
import dev.firebreak.workflows.oncall.Schedule;
import dev.firebreak.workflows.validation.NotFound;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Calendar feeds of final shifts (after layers and overrides): a schedule's, and one person's
 * across every schedule. Each feed has its own secret token; a missing or wrong token reads as a
 * feed that does not exist. The span served starts on the Monday (UTC) a week before now, so that
 * the first shift, cut at the span's start, keeps its start and its UID all week.
 */
@Component
public class CalendarFeeds {

  /** How far ahead a feed reaches from the start of its span. */
  public static final Duration SPAN = Duration.ofDays(63);

  private final CalendarFeedStore feeds;
  private final ScheduleStore schedules;
  private final UserStore users;
  private final OnCallLookup onCall;

  public CalendarFeeds(CalendarFeedStore feeds, ScheduleStore schedules, UserStore users,
      OnCallLookup onCall) {
    this.feeds = feeds;
    this.schedules = schedules;
    this.users = users;
    this.onCall = onCall;
  }

  /** The feed's secret token, issued on first use. */
  public String token(FeedKind kind, long ownerId) {
    return feeds.tokenFor(kind, ownerId);
  }

  /** Revokes the feed's token: its URL stops working; a new one is issued on next use. */
  public void revoke(FeedKind kind, long ownerId) {
    feeds.revoke(kind, ownerId);
  }

  /** The schedule's final shifts as iCalendar. */
  public String scheduleFeed(long scheduleId, String token, Instant now) {
    check(FeedKind.SCHEDULE, scheduleId, token);
    Schedule schedule = schedules.find(scheduleId).orElseThrow(() -> noFeed());
    Instant from = spanStart(now);
    List<IcsWriter.Event> events = new ArrayList<>();
    for (ShiftUsers shift : onCall.shifts(schedule, from, from.plus(SPAN))) {
      if (shift.users().isEmpty()) {
        continue;
      }
      events.add(new IcsWriter.Event(
          "schedule-" + scheduleId + "-" + shift.start().getEpochSecond() + "@firebreak",
          shift.start(), shift.end(), schedule.timeZone(),
          "On call: " + names(shift.users()) + " (" + schedule.name() + ")"));
    }
    return IcsWriter.write(schedule.name() + " on call", events, now);
  }

  /** One person's shifts across every schedule, each in its schedule's zone. */
  public String userFeed(long userId, String token, Instant now) {
    check(FeedKind.USER, userId, token);
    User user = users.find(userId).orElseThrow(() -> noFeed());
    Instant from = spanStart(now);
    List<IcsWriter.Event> events = new ArrayList<>();
    for (Schedule schedule : schedules.list()) {
      for (ShiftUsers shift : onCall.shifts(schedule, from, from.plus(SPAN))) {
        if (shift.users().stream().anyMatch(u -> u.id() == userId)) {
          events.add(new IcsWriter.Event("user-" + userId + "-schedule-" + schedule.id() + "-"
                  + shift.start().getEpochSecond() + "@firebreak",
              shift.start(), shift.end(), schedule.timeZone(),
              user.name() + " on call: " + schedule.name()));
        }
      }
    }
    return IcsWriter.write(user.name() + " on call", events, now);
  }

  static Instant spanStart(Instant now) {
    return now.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS)
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1).toInstant();
  }

  private void check(FeedKind kind, long ownerId, String token) {
    Optional<String> expected = feeds.token(kind, ownerId);
    if (token == null || expected.isEmpty() || !MessageDigest.isEqual(
        expected.get().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
      throw noFeed();
    }
  }

  private static NotFound noFeed() {
    return new NotFound("no such calendar feed (the token is wrong or was revoked)");
  }

  private static String names(List<User> people) {
    return people.stream().map(User::name).collect(Collectors.joining(", "));
  }
}
