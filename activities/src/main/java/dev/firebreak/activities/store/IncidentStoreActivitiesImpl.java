package dev.firebreak.activities.store;

import dev.firebreak.workflows.incident.IncidentStoreActivities;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.TimelineEntry;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The incident workflows' projection into the read model; registered on the incidents worker. */
@Component("incidentStoreActivities")
public class IncidentStoreActivitiesImpl implements IncidentStoreActivities {

  private final IncidentStore store;

  public IncidentStoreActivitiesImpl(IncidentStore store) {
    this.store = store;
  }

  @Override
  @Transactional
  public void project(Incident incident, List<TimelineEntry> newEntries) {
    store.project(incident, newEntries);
  }
}
