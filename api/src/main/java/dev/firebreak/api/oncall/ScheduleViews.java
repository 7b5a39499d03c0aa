package dev.firebreak.api.oncall;

import dev.firebreak.activities.directory.User;
import dev.firebreak.activities.oncall.OnCallLookup.OnCallNow;
import dev.firebreak.activities.oncall.OnCallLookup.ShiftUsers;
import dev.firebreak.workflows.oncall.Rotation;
import dev.firebreak.workflows.oncall.Schedule;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How the API shows schedules, on-call and shifts: the wire shapes, and the mapping to them. */
public final class ScheduleViews {

  private ScheduleViews() {}

  public record RestrictionView(List<String> days, String from, String to) {}

  public record LayerView(String name, LocalDateTime start, Object rotation, List<Long> users,
      List<RestrictionView> restrictions) {}

  /** {@code calendarUrl}: the schedule's calendar feed, with its secret token (GET by id only). */
  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  public record ScheduleView(long id, String name, String timeZone, List<LayerView> layers,
      String calendarUrl) {

    ScheduleView withCalendarUrl(String url) {
      return new ScheduleView(id, name, timeZone, layers, url);
    }
  }

  public record UserView(long id, String name, String email, String slackUserId) {
    static UserView of(User u) {
      return new UserView(u.id(), u.name(), u.email(), u.slackUserId());
    }
  }

  public record OnCallView(long scheduleId, Instant at, List<UserView> users) {}

  public record ShiftView(Instant start, Instant end, List<UserView> users) {}

  public record ShiftsView(long scheduleId, Instant from, Instant to, List<ShiftView> shifts) {}

  static ScheduleView view(Schedule s) {
    return new ScheduleView(s.id(), s.name(), s.timeZone(), s.layers().stream()
        .map(l -> new LayerView(l.name(), l.start(), rotationView(l.rotation()), l.users(),
            l.restrictions().stream().map(r -> new RestrictionView(
                r.days().stream().map(d -> d.name().substring(0, 3)).toList(),
                r.from().toString(), r.to().toString())).toList()))
        .toList(), null);
  }

  static OnCallView view(OnCallNow now) {
    return new OnCallView(now.schedule().id(), now.at(),
        now.users().stream().map(UserView::of).toList());
  }

  static ShiftsView view(long id, Instant from, Instant to, List<ShiftUsers> shifts) {
    return new ShiftsView(id, from, to, shifts.stream()
        .map(s -> new ShiftView(s.start(), s.end(), s.users().stream().map(UserView::of).toList()))
        .toList());
  }

  private static Object rotationView(Rotation r) {
    return switch (r.type()) {
      case DAILY -> "daily";
      case WEEKLY -> "weekly";
      case HOURS -> {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("hours", r.hours());
        yield m;
      }
    };
  }
}
