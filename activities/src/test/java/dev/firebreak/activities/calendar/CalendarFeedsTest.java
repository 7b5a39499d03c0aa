package dev.firebreak.activities.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.activities.TestDatabase;
import dev.firebreak.activities.directory.UserStore;
import dev.firebreak.activities.oncall.OnCallLookup;
import dev.firebreak.activities.oncall.ScheduleStore;
import dev.firebreak.workflows.oncall.Layer;
import dev.firebreak.workflows.oncall.Rotation;
import dev.firebreak.workflows.oncall.Schedule;
import dev.firebreak.workflows.validation.NotFound;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import javax.sql.DataSource;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Calendar feeds against a real PostgreSQL, parsed back with ical4j's own parser: a daily Paris
 * rotation at 09:00 stays at 09:00 local across the change to summer time (29 March 2026), where
 * its UTC time moves from 08:00 to 07:00.
 */
class CalendarFeedsTest {

  static DataSource dataSource;
  /** Monday after the change: the span starts Monday 23 March, a week before. */
  static final Instant NOW = Instant.parse("2026-03-30T12:00:00Z");

  CalendarFeeds feeds;
  ScheduleStore schedules;
  UserStore users;
  long ann;
  long bob;
  Schedule primary;

  @BeforeAll
  static void database() {
    dataSource = TestDatabase.migrated();
  }

  @BeforeEach
  void empty() {
    JdbcClient jdbc = JdbcClient.create(dataSource);
    jdbc.sql("TRUNCATE app_user, schedule, calendar_feed CASCADE").update();
    users = new UserStore(jdbc);
    schedules = new ScheduleStore(jdbc);
    feeds = new CalendarFeeds(new CalendarFeedStore(jdbc), schedules, users,
        new OnCallLookup(schedules, users));
    ann = users.create("Ann", "ann@x.test", null, "UTC").id();
    bob = users.create("Bob", "bob@x.test", null, "UTC").id();
    primary = schedules.create(new Schedule(0, "Primary", "Europe/Paris", List.of(new Layer(
        "daily", LocalDateTime.parse("2026-03-20T09:00"), Rotation.DAILY, List.of(ann, bob),
        List.of()))));
  }

  static List<VEvent> events(String ics) throws Exception {
    Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
    return calendar.getComponents(Component.VEVENT);
  }

  static ZonedDateTime start(VEvent e) {
    return (ZonedDateTime) ((DateProperty<?>) e.getProperty(Property.DTSTART).orElseThrow())
        .getDate();
  }

  static String text(VEvent e, String property) {
    return e.getProperty(property).orElseThrow().getValue();
  }

  @Test
  void aScheduleFeedKeepsLocalTimesAcrossADaylightSavingChange() throws Exception {
    String token = feeds.token(FeedKind.SCHEDULE, primary.id());
    List<VEvent> events = events(feeds.scheduleFeed(primary.id(), token, NOW));

    // 63 days from Monday 23 March 00:00 UTC: a cut first shift, 62 whole ones, a cut last one
    assertThat(events).hasSize(64);
    VEvent saturday = events.stream().filter(e -> start(e).toLocalDate().toString()
        .equals("2026-03-28")).findFirst().orElseThrow();
    VEvent sunday = events.stream().filter(e -> start(e).toLocalDate().toString()
        .equals("2026-03-29")).findFirst().orElseThrow();
    assertThat(start(saturday).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
    assertThat(start(sunday).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
    assertThat(start(saturday).toInstant()).isEqualTo(Instant.parse("2026-03-28T08:00:00Z"));
    assertThat(start(sunday).toInstant()).isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
    // the zone travels as TZID, with its VTIMEZONE, which the parser used for the times above
    assertThat(new CalendarBuilder().build(new StringReader(
        feeds.scheduleFeed(primary.id(), token, NOW))).getComponents(Component.VTIMEZONE))
        .hasSize(1);
    assertThat(sunday.getProperty(Property.DTSTART).orElseThrow()
        .getParameter(Parameter.TZID).orElseThrow().getValue()).isEqualTo("Europe/Paris");
    // the shift from Saturday 09:00 to Sunday 09:00 lasts 23 hours
    assertThat(text(saturday, Property.SUMMARY)).isIn("On call: Ann (Primary)",
        "On call: Bob (Primary)");
    assertThat(events.stream().map(e -> text(e, Property.UID)).distinct()).hasSize(64);
  }

  @Test
  void uidsStayTheSameFromOneReadToTheNext() throws Exception {
    String token = feeds.token(FeedKind.SCHEDULE, primary.id());
    List<String> monday = events(feeds.scheduleFeed(primary.id(), token, NOW)).stream()
        .map(e -> text(e, Property.UID)).toList();
    List<String> friday = events(feeds.scheduleFeed(primary.id(), token,
        NOW.plusSeconds(4 * 86400))).stream().map(e -> text(e, Property.UID)).toList();
    assertThat(friday).isEqualTo(monday);
  }

  @Test
  void aUserFeedHasOnlyTheirShifts() throws Exception {
    String token = feeds.token(FeedKind.USER, ann);
    List<VEvent> events = events(feeds.userFeed(ann, token, NOW));
    assertThat(events).hasSize(32).allSatisfy(e ->
        assertThat(text(e, Property.SUMMARY)).isEqualTo("Ann on call: Primary"));
  }

  @Test
  void aWrongOrRevokedTokenReadsAsNoFeed() {
    String token = feeds.token(FeedKind.SCHEDULE, primary.id());
    assertThat(feeds.token(FeedKind.SCHEDULE, primary.id())).isEqualTo(token);
    assertThatThrownBy(() -> feeds.scheduleFeed(primary.id(), "guess", NOW))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> feeds.scheduleFeed(primary.id(), null, NOW))
        .isInstanceOf(NotFound.class);
    // a schedule's token does not open a user's feed
    assertThatThrownBy(() -> feeds.userFeed(ann, token, NOW)).isInstanceOf(NotFound.class);
    feeds.revoke(FeedKind.SCHEDULE, primary.id());
    assertThatThrownBy(() -> feeds.scheduleFeed(primary.id(), token, NOW))
        .isInstanceOf(NotFound.class);
    assertThat(feeds.token(FeedKind.SCHEDULE, primary.id())).isNotEqualTo(token);
  }
}
