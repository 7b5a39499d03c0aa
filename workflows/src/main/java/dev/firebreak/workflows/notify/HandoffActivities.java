package dev.firebreak.workflows.notify;

import dev.firebreak.workflows.notify.messages.Handoff;
import io.temporal.activity.ActivityInterface;
import java.time.Instant;

/** Handoffs of schedules: when the next one is, and telling who comes on call. */
@ActivityInterface
public interface HandoffActivities {

  /** The first handoff after {@code after}; null when the schedule was deleted. */
  Handoff nextHandoff(long scheduleId, Instant after);

  /** Tells each incoming person, once per (schedule, start, user), on their first method. */
  void tell(Handoff handoff);
}
