package dev.firebreak.workflows.integrations;

import io.temporal.activity.ActivityInterface;

/** Lets a workflow other than the incident's note something on the incident's timeline. */
@ActivityInterface
public interface IncidentNoteActivities {

  /** Adds an update to the incident's timeline; does nothing when the incident is CLOSED. */
  void noteOnIncident(long incidentId, String message);
}
