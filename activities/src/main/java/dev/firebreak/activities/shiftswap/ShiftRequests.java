package dev.firebreak.activities.shiftswap;

import dev.firebreak.activities.oncall.OnCallLookup;
import dev.firebreak.activities.oncall.Schedules;
import dev.firebreak.workflows.oncall.Schedule;
import dev.firebreak.workflows.oncall.ScheduleOverride;
import dev.firebreak.workflows.validation.Conflict;
import dev.firebreak.workflows.validation.NotFound;
import dev.firebreak.workflows.validation.Problems;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

  public ShiftRequests(ShiftRequestStore store, Schedules schedules, OnCallLookup onCall,
      TransactionTemplate tx) {
    this.store = store;
    this.schedules = schedules;
    this.onCall = onCall;
    this.tx = tx;
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
    return tx.execute(status -> {
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
  }
}
