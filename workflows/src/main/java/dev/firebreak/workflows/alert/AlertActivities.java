package dev.firebreak.workflows.alert;

import dev.firebreak.workflows.alert.messages.AlertStatus;
import dev.firebreak.workflows.alert.messages.AlertEventRecord;
import dev.firebreak.workflows.alert.messages.AlertGroup;
import io.temporal.activity.ActivityInterface;
import java.util.List;

/** The alert groups' side effects: their read model, and the incident a group opens. */
@ActivityInterface
public interface AlertActivities {

  /**
   * Stores the group (found again by its open key) unless the stored copy is as new or newer,
   * adds the events not stored yet, and answers the group's id. Idempotent.
   */
  long project(AlertGroup group, List<AlertEventRecord> newEvents);

  /**
   * Opens the incident of the group at its priority, or finds the one already opened for it, and
   * answers its id. Idempotent: keyed by the group.
   */
  long openIncident(AlertGroup group);

  /**
   * Carries the group's acknowledgement or resolution ({@code change}) over to its incident, as
   * PagerDuty does: ACKNOWLEDGED acknowledges the incident (paging stops), RESOLVED marks it
   * MITIGATED. A change the incident's lifecycle refuses (already acknowledged, mitigated or
   * closed) is left alone. Idempotent: keyed by the group and the change.
   */
  void followIncident(AlertGroup group, AlertStatus change);
}
