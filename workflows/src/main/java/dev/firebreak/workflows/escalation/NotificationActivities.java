package dev.firebreak.workflows.escalation;

import io.temporal.activity.ActivityInterface;

/** Pages people. Idempotent by the notification's key. */
@ActivityInterface
public interface NotificationActivities {

  NotificationResult notify(Notification notification);

  /**
   * The incident was acknowledged or resolved: every notification plan it started stops sending.
   * Plans also check the incident before each send; this makes the stop immediate and visible.
   * A pager without plans (the simulator's) has nothing to cancel.
   */
  default void cancelPlans(long incidentId, String reason) {}
}
