package dev.firebreak.api.slack;

import dev.firebreak.activities.store.IncidentFilter;
import dev.firebreak.api.incident.IncidentService;
import dev.firebreak.workflows.incident.messages.Incident;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@link SlackIncidents} over the application layer shared with REST. */
@Component
public class SlackIncidentsAdapter implements SlackIncidents {

  private final IncidentService incidents;
  private final SlackIncidentUpdates updates;

  public SlackIncidentsAdapter(IncidentService incidents, SlackIncidentUpdates updates) {
    this.incidents = incidents;
    this.updates = updates;
  }

  @Override
  public Incident get(long id) {
    return incidents.get(id);
  }

  @Override
  public List<Incident> recent(int limit) {
    return incidents.list(IncidentFilter.ALL, limit, 0);
  }

  @Override
  public Incident open(Incident draft) {
    return incidents.create(draft).incident();
  }

  @Override
  public Incident apply(long incidentId, String updateName, String updateId, Object change) {
    return updates.apply(incidentId, updateName, updateId, change);
  }
}
