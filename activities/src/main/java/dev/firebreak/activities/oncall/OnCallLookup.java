package dev.firebreak.activities.oncall;

import dev.firebreak.activities.directory.User;
import dev.firebreak.activities.directory.UserStore;
import dev.firebreak.workflows.oncall.OnCall;
import dev.firebreak.workflows.oncall.Schedule;
import dev.firebreak.workflows.oncall.Shift;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The one way to ask "who is on call at T": a schedule's layers and the overrides that cover T,
 * through the pure {@link OnCall} calculation. The REST API, Slack's {@code /incident oncall} and
 * escalation (a policy step that targets a schedule) all ask here, so they never disagree.
 */
@Component
public class OnCallLookup {

  /** A schedule and who is on call in it at one instant, in the calculation's order. */
  public record OnCallNow(Schedule schedule, Instant at, List<User> users) {}

  /** A final shift with its users (those that still exist). */
  public record ShiftUsers(Instant start, Instant end, List<User> users) {}

  private final ScheduleStore schedules;
  private final UserStore users;

  public OnCallLookup(ScheduleStore schedules, UserStore users) {
    this.schedules = schedules;
    this.users = users;
  }

  /** The ids of the users on call in {@code schedule} at {@code at}, overrides applied. */
  public List<Long> userIdsAt(Schedule schedule, Instant at) {
    return OnCall.at(schedule, schedules.overrides(schedule.id(), at, at.plusMillis(1)), at);
  }

  /** The ids on call in schedule {@code scheduleId} at {@code at}; empty when it is gone. */
  public List<Long> userIdsAt(long scheduleId, Instant at) {
    return schedules.find(scheduleId).map(s -> userIdsAt(s, at)).orElse(List.of());
  }

  public OnCallNow at(Schedule schedule, Instant at) {
    return new OnCallNow(schedule, at, usersInOrder(userIdsAt(schedule, at)));
  }

  /** Every schedule, each with who is on call in it at {@code at}. */
  public List<OnCallNow> everyScheduleAt(Instant at) {
    return schedules.list().stream().map(s -> at(s, at)).toList();
  }

  /**
   * The final shifts of {@code schedule} in {@code [from, to)}; throws IllegalArgumentException
   * when the span has more change points than the calculation allows.
   */
  public List<ShiftUsers> shifts(Schedule schedule, Instant from, Instant to) {
    List<Shift> shifts =
        OnCall.shifts(schedule, schedules.overrides(schedule.id(), from, to), from, to);
    Set<Long> ids = new LinkedHashSet<>();
    shifts.forEach(s -> ids.addAll(s.userIds()));
    Map<Long, User> found = byId(new ArrayList<>(ids));
    return shifts.stream()
        .map(s -> new ShiftUsers(s.start(), s.end(), s.userIds().stream().map(found::get)
            .filter(Objects::nonNull).toList()))
        .toList();
  }

  /** The users of {@code ids} that exist, in the order of {@code ids}. */
  public List<User> usersInOrder(List<Long> ids) {
    Map<Long, User> found = byId(ids);
    return ids.stream().map(found::get).filter(Objects::nonNull).toList();
  }

  private Map<Long, User> byId(List<Long> ids) {
    return users.findAll(ids).stream().collect(Collectors.toMap(User::id, Function.identity()));
  }
}
