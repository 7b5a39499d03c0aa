package dev.firebreak.workflows.escalation;

import io.temporal.activity.ActivityInterface;

/** Pages people. Idempotent by the notification's key. */
@ActivityInterface
public interface NotificationActivities {

  NotificationResult notify(Notification notification);
}
