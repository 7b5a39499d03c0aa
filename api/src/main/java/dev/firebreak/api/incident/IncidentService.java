package dev.firebreak.api.incident;

import dev.firebreak.activities.incident.IncidentOpener;
import dev.firebreak.activities.store.IncidentFilter;
import dev.firebreak.activities.store.IncidentStore;
import dev.firebreak.api.problem.ApiException;
import dev.firebreak.workflows.incident.IncidentWorkflow;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.Status;
import dev.firebreak.workflows.incident.messages.TimelineEntry;
import io.temporal.client.WorkflowClient;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * Starts incident workflows (through {@link IncidentOpener}, shared with alert groups) and sends
 * them changes; reads come from the store.
 */
@Service
public class IncidentService {

  /** What {@link #create} did: made a new incident, or found an open one with the same key. */
  public record Created(Incident incident, boolean isNew) {}

  private final WorkflowClient client;
  private final IncidentStore store;
  private final IncidentOpener opener;

  public IncidentService(WorkflowClient client, IncidentStore store, IncidentOpener opener) {
    this.client = client;
    this.store = store;
    this.opener = opener;
  }

  public Created create(Incident draft) {
    IncidentOpener.Opened opened = opener.create(draft);
    return new Created(opened.incident(), opened.isNew());
  }

  public Incident get(long id) {
    return store.find(id).orElseThrow(() -> ApiException.notFound("no incident " + id));
  }

  public List<TimelineEntry> timeline(long id) {
    return store.timeline(id);
  }

  public List<Incident> list(IncidentFilter filter, int limit, int offset) {
    return store.list(filter, limit, offset);
  }

  public long count(IncidentFilter filter) {
    return store.count(filter);
  }

  /**
   * Sends a change to the incident's workflow and returns the incident as the workflow answered.
   * The workflow's validators refuse what the lifecycle does not allow.
   */
  public Incident change(long id, Function<IncidentWorkflow, Incident> update) {
    Incident current = get(id);
    if (current.status() == Status.CLOSED) {
      throw ApiException.conflict("incident " + id + " is CLOSED");
    }
    return update.apply(
        client.newWorkflowStub(IncidentWorkflow.class, IncidentWorkflow.workflowId(id)));
  }
}
