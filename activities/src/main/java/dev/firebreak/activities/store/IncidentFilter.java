package dev.firebreak.activities.store;

import dev.firebreak.workflows.incident.messages.Environment;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Status;

/** Which incidents to list; a null field does not filter. */
public record IncidentFilter(Status status, Priority priority, Environment environment) {

  public static final IncidentFilter ALL = new IncidentFilter(null, null, null);
}
