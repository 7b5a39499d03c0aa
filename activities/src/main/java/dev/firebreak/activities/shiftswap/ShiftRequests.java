package dev.firebreak.activities.shiftswap;

import dev.firebreak.activities.directory.User;
import dev.firebreak.activities.directory.UserStore;
import dev.firebreak.activities.oncall.OnCallLookup;
import dev.firebreak.activities.oncall.Schedules;
import dev.firebreak.workflows.oncall.Schedule;
import dev.firebreak.workflows.oncall.ScheduleOverride;
import dev.firebreak.workflows.validation.Conflict;
import dev.firebreak.workflows.validation.NotFound;
import dev.firebreak.workflows.validation.Problems;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Shift swaps and cover requests. Taking a request creates a real override in the same
 * transaction that marks it taken, so a request never reads as taken while the shift stays put
 * (Grafana OnCall #4538); two takers race on a row lock and the second is refused (409).
 */
@Component
public class ShiftRequests {

  public static final Duration MAX_SPAN = Duration.ofDays(31);

  /** {@code userId}: whose shift is to be covered (the caller, or theirs for a manager). */
  public record ShiftRequestDraft(Long userId, Instant start, Instant end, String note) {}

  private final ShiftRequestStore store;
  private final Schedules schedules;
  private final OnCallLookup onCall;
  private final TransactionTemplate tx;
  private final UserStore users;
  private final ShiftNotices notices;

  public ShiftRequests(ShiftRequestStore store, Schedules schedules, OnCallLookup onCall,
      TransactionTemplate tx, UserStore users, ShiftNotices notices) {
    this.store = store;
    this.schedules = schedules;
    this.onCall = onCall;
    this.tx = tx;
    this.users = users;
    this.notices = notices;
  }

  /** Asks for cover; the requester must be on call in the schedule when the span starts. */
  public ShiftRequest request(long scheduleId, ShiftRequestDraft d, Instant now) {
    Schedule schedule = schedules.get(scheduleId);
    Problems check = new Problems();
    check.require("userId", d.userId());
    check.require("start", d.start());
    check.require("end", d.end());
    check.maxLength("note", d.note(), 1024);
    if (d.start() != null && d.end() != null) {
      if (!d.start().isBefore(d.end())) {
        check.add("end", "must be after start");
      } else if (Duration.between(d.start(), d.end()).compareTo(MAX_SPAN) > 0) {
        check.add("end", "at most " + MAX_SPAN.toDays() + " days after start");
      }
      if (!d.start().isAfter(now)) {
        check.add("start", "must be in the future");
      }
    }
    if (check.ok() && !onCall.userIdsAt(schedule, d.start()).contains(d.userId())) {
      check.add("userId", "user " + d.userId() + " is not on call in this schedule at start");
    }
    check.throwIfAny();
    long id = store.create(scheduleId, d.userId(), d.start(), d.end(),
        d.note() == null ? null : d.note().trim());
    String requester = name(d.userId());
    Set<Long> people = new LinkedHashSet<>();
    schedule.layers().forEach(l -> people.addAll(l.users()));
    people.remove(d.userId());
    String text = requester + " asks for cover in " + schedule.name() + " from " + d.start()
        + " to " + d.end() + (d.note() == null ? "" : " (" + d.note().trim() + ")")
        + ". Take it: POST /api/v1/schedules/" + scheduleId + "/shift-requests/" + id + "/take";
    users.findAll(List.copyOf(people)).forEach(u -> notices.tell(u.slackUserId(), text));
    return store.find(scheduleId, id, now).orElseThrow();
  }

  public List<ShiftRequest> list(long scheduleId, Instant now) {
    schedules.get(scheduleId);
    return store.list(scheduleId, now);
  }

  /** {@code takerId} covers the request: an override puts them on call for its span. */
  public ShiftRequest take(long scheduleId, long requestId, Long takerId, Instant now) {
    Problems check = new Problems();
    check.require("userId", takerId);
    check.throwIfAny();
    ShiftRequest taken = tx.execute(status -> {
      ShiftRequest r = store.lock(scheduleId, requestId, now).orElseThrow(
          () -> new NotFound("no shift request " + requestId + " in schedule " + scheduleId));
      if (!"OPEN".equals(r.status())) {
        throw new Conflict("shift request " + requestId + " is " + r.status().toLowerCase()
            + ": it can no longer be taken");
      }
      if (r.requesterId() == takerId) {
        throw new Conflict("the requester cannot take their own request");
      }
      ScheduleOverride override = schedules.addOverride(scheduleId, takerId, r.start(), r.end());
      store.taken(requestId, takerId, override.id(), now);
      return store.find(scheduleId, requestId, now).orElseThrow();
    });
    String text = name(takerId) + " covers " + name(taken.requesterId()) + " in "
        + schedules.get(scheduleId).name() + " from " + taken.start() + " to " + taken.end()
        + ": the schedule is changed";
    users.findAll(List.of(taken.requesterId(), takerId))
        .forEach(u -> notices.tell(u.slackUserId(), text));
    return taken;
  }

  private String name(long userId) {
    return users.find(userId).map(User::name).orElse("user " + userId);
  }
}
