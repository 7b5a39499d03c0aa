package dev.firebreak.workflows.alert;

import io.temporal.activity.ActivityInterface;
import java.time.Instant;

/** Maintenance windows as alert groups see them: events accepted, no incident until the end. */
@ActivityInterface
public interface MaintenanceActivities {

  /**
   * When the service is in a maintenance window at {@code at}: marks the group "in maintenance"
   * in the read model and answers the window's end (epoch millis); otherwise null. Idempotent.
   */
  Long holdForMaintenance(long serviceId, long groupId, Instant at);

  /** The window is over for the group: its "in maintenance" mark goes. Idempotent. */
  void releaseMaintenance(long groupId);
}
