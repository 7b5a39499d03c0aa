package dev.firebreak.workflows.incident;

import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.TimelineEntry;
import io.temporal.activity.ActivityInterface;
import java.util.List;

/** Keeps the PostgreSQL read model of incidents in step with their workflows. */
@ActivityInterface
public interface IncidentStoreActivities {

  /**
   * Writes the incident if it is newer than the stored copy (by {@code version}) and adds the
   * timeline entries not stored yet. Idempotent: a retry or an out-of-order call changes nothing.
   */
  void project(Incident incident, List<TimelineEntry> newEntries);
}
