package dev.firebreak.activities.oncall;

import dev.firebreak.activities.directory.UserStore;
import dev.firebreak.activities.oncall.OnCallLookup.OnCallNow;
import dev.firebreak.activities.oncall.OnCallLookup.ShiftUsers;
import dev.firebreak.workflows.oncall.Schedule;
import dev.firebreak.workflows.oncall.ScheduleDraft;
import dev.firebreak.workflows.oncall.ScheduleOverride;
import dev.firebreak.workflows.oncall.ScheduleValidation;
import dev.firebreak.workflows.validation.Conflict;
import dev.firebreak.workflows.validation.InvalidInput;
import dev.firebreak.workflows.validation.NotFound;
import dev.firebreak.workflows.validation.Problems;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The application service of schedules: checks a draft with {@link ScheduleValidation}, adds what
 * only the database knows (users that do not exist, a taken name), stores it; overrides; and
 * on-call and shifts through {@link OnCallLookup}. Refuses with {@link InvalidInput}, {@link
 * NotFound} or {@link Conflict}, which every edge translates the same way.
 */
@Component
public class Schedules {

  public static final Duration MAX_SHIFTS_RANGE = Duration.ofDays(366);

  private final ScheduleStore schedules;
  private final UserStore users;
  private final OnCallLookup onCall;

  public Schedules(ScheduleStore schedules, UserStore users, OnCallLookup onCall) {
    this.schedules = schedules;
    this.users = users;
    this.onCall = onCall;
  }

  public Schedule create(ScheduleDraft draft) {
    Schedule schedule = valid(0, draft);
    try {
      return schedules.create(schedule);
    } catch (DuplicateKeyException e) {
      throw taken(schedule);
    }
  }

  public List<Schedule> list() {
    return schedules.list();
  }

  public Schedule get(long id) {
    return schedules.find(id).orElseThrow(() -> notFound(id));
  }

  public Schedule update(long id, ScheduleDraft draft) {
    Schedule schedule = valid(id, draft);
    try {
      if (!schedules.update(schedule)) {
        throw notFound(id);
      }
    } catch (DuplicateKeyException e) {
      throw taken(schedule);
    }
    return schedule;
  }

  public void delete(long id) {
    if (!schedules.delete(id)) {
      throw notFound(id);
    }
  }

  public OnCallNow onCall(long id, Instant at) {
    return onCall.at(get(id), at);
  }

  public List<ShiftUsers> shifts(long id, Instant from, Instant to) {
    if (!from.isBefore(to) || Duration.between(from, to).compareTo(MAX_SHIFTS_RANGE) > 0) {
      throw InvalidInput.of("to",
          "must be after from, and at most " + MAX_SHIFTS_RANGE.toDays() + " days later");
    }
    Schedule schedule = get(id);
    try {
      return onCall.shifts(schedule, from, to);
    } catch (IllegalArgumentException e) {
      throw InvalidInput.of("to", e.getMessage());
    }
  }

  public ScheduleOverride addOverride(long id, Long userId, Instant start, Instant end) {
    get(id);
    Problems problems = new Problems();
    problems.require("userId", userId);
    problems.require("start", start);
    problems.require("end", end);
    if (userId != null && users.find(userId).isEmpty()) {
      problems.add("userId", "no user " + userId);
    }
    if (start != null && end != null && !start.isBefore(end)) {
      problems.add("end", "must be after start");
    }
    problems.throwIfAny();
    return schedules.addOverride(id, userId, start, end);
  }

  /** The overrides that overlap {@code [from, to)}. */
  public List<ScheduleOverride> overrides(long id, Instant from, Instant to) {
    get(id);
    return schedules.overrides(id, from, to);
  }

  /** The overrides that have not ended by {@code after}. */
  public List<ScheduleOverride> overrides(long id, Instant after) {
    get(id);
    return schedules.overrides(id, after);
  }

  public void deleteOverride(long id, long overrideId) {
    if (!schedules.deleteOverride(id, overrideId)) {
      throw new NotFound("no override " + overrideId + " in schedule " + id);
    }
  }

  private Schedule valid(long id, ScheduleDraft draft) {
    return ScheduleValidation.normalize(id, draft, this::missingUsers);
  }

  private Set<Long> missingUsers(Set<Long> ids) {
    Set<Long> missing = new TreeSet<>(ids);
    users.findAll(new ArrayList<>(ids)).forEach(u -> missing.remove(u.id()));
    return missing;
  }

  private static Conflict taken(Schedule schedule) {
    return new Conflict("a schedule named " + schedule.name() + " already exists");
  }

  private static NotFound notFound(long id) {
    return new NotFound("no schedule " + id);
  }
}
