package dev.firebreak.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/**
 * Calendar feeds over HTTP: the URL comes from the schedule's and the user's JSON, a calendar
 * client fetches it without logging in, and a revoked URL stops working at once.
 */
class CalendarEndToEndTest extends EndToEndTest {

  static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();

  static String pathOf(String url) {
    URI uri = URI.create(url);
    return uri.getRawPath() + "?" + uri.getRawQuery();
  }

  static List<VEvent> events(String ics) throws Exception {
    return new CalendarBuilder().build(new StringReader(ics)).getComponents(Component.VEVENT);
  }

  @Test
  void aScheduleAndAUserFeedAreServedByTokenAndRevocable() throws Exception {
    long ann = create("/api/v1/users", "{\"name\":\"Ann\",\"email\":\"ann" + RUN
        + "@cal.test\"}");
    long schedule = create("/api/v1/schedules", """
        {"name": "Calendar %s", "timeZone": "Europe/Paris",
         "layers": [{"name": "daily", "start": "2026-01-05T09:00:00", "rotation": "daily",
                     "users": [%d]}]}""".formatted(RUN, ann));
    Http anonymous = Http.anonymous(port);

    String url = http.get("/api/v1/schedules/" + schedule).json().get("calendarUrl").asText();
    assertThat(url).contains("/api/v1/schedules/" + schedule + "/calendar.ics?token=");
    Http.Response feed = anonymous.get(pathOf(url));
    assertThat(feed.status()).as(feed.body()).isEqualTo(200);
    assertThat(feed.contentType()).startsWith("text/calendar");
    List<VEvent> events = events(feed.body());
    assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(
        e.getProperty(Property.SUMMARY).orElseThrow().getValue())
        .isEqualTo("On call: Ann (Calendar " + RUN + ")"));

    String userUrl = http.get("/api/v1/users/" + ann).json().get("calendarUrl").asText();
    Http.Response userFeed = anonymous.get(pathOf(userUrl));
    assertThat(userFeed.status()).isEqualTo(200);
    assertThat(events(userFeed.body())).hasSameSizeAs(events);

    // a wrong token reads as no feed; the list of schedules does not carry tokens
    assertThat(anonymous.get("/api/v1/schedules/" + schedule + "/calendar.ics?token=guess")
        .status()).isEqualTo(404);
    assertThat(http.get("/api/v1/schedules").body()).doesNotContain("token=");

    assertThat(http.delete("/api/v1/schedules/" + schedule + "/calendar-token").status())
        .isEqualTo(204);
    assertThat(anonymous.get(pathOf(url)).status()).isEqualTo(404);
    String renewed = http.get("/api/v1/schedules/" + schedule).json().get("calendarUrl").asText();
    assertThat(renewed).isNotEqualTo(url);
    assertThat(anonymous.get(pathOf(renewed)).status()).isEqualTo(200);
  }
}
