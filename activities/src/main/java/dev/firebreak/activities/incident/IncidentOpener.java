package dev.firebreak.activities.incident;

import dev.firebreak.activities.integrations.IntegrationSettings;
import dev.firebreak.activities.slack.SlackSettings;
import dev.firebreak.activities.store.IncidentStore;
import dev.firebreak.activities.temporal.SearchAttributesSwitch;
import dev.firebreak.activities.temporal.WorkflowSummaries;
import dev.firebreak.workflows.TaskQueues;
import dev.firebreak.workflows.incident.IncidentSearchAttributes;
import dev.firebreak.workflows.incident.IncidentWorkflow;
import dev.firebreak.workflows.incident.IncidentWorkflowImpl;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.IncidentRun;
import dev.firebreak.workflows.incident.messages.KeyEvents;
import dev.firebreak.workflows.incident.messages.Roles;
import dev.firebreak.workflows.incident.messages.Status;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens incidents, for the API and for alert groups alike. A new incident's row and its workflow
 * are created together: the row is inserted in a transaction that commits only once Temporal has
 * accepted the workflow, so a refused start leaves nothing behind. An open incident with the same
 * dedup key is answered instead of a second one.
 */
@Component
public class IncidentOpener {

  /** What {@link #create} did: made a new incident, or found an open one with the same key. */
  public record Opened(Incident incident, boolean isNew) {}

  private final WorkflowClient client;
  private final IncidentStore store;
  private final TransactionTemplate transactions;
  private final SearchAttributesSwitch searchAttributes;
  private final boolean postmortemBackend;
  private final IntegrationSettings integrations;
  private final Clock clock = Clock.systemUTC();
  /** Whether new incidents open a Slack channel and post there (issue 5). */
  @Autowired(required = false) private SlackSettings slack;

  public IncidentOpener(
      WorkflowClient client,
      IncidentStore store,
      TransactionTemplate transactions,
      SearchAttributesSwitch searchAttributes,
      @Value("${firebreak.postmortem.enabled:false}") boolean postmortemBackend,
      IntegrationSettings integrations) {
    this.client = client;
    this.store = store;
    this.transactions = transactions;
    this.searchAttributes = searchAttributes;
    this.postmortemBackend = postmortemBackend;
    this.integrations = integrations;
  }

  public Opened create(Incident draft) {
    if (draft.dedupKey() != null) {
      Optional<Incident> open = store.findOpenByDedupKey(draft.dedupKey());
      if (open.isPresent()) {
        return new Opened(open.get(), false);
      }
    }
    try {
      return new Opened(transactions.execute(tx -> insertAndStart(draft)), true);
    } catch (DuplicateKeyException e) {
      // another request with the same dedup key won the race; answer with its incident
      return store.findOpenByDedupKey(draft.dedupKey())
          .map(found -> new Opened(found, false))
          .orElseThrow(() -> e);
    }
  }

  private Incident insertAndStart(Incident draft) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Incident incident =
        new Incident(
            store.nextId(), draft.title(), draft.description(), draft.priority(),
            draft.environment(), draft.category(), draft.privateIncident(), draft.dedupKey(), now,
            draft.createdBy(), Status.OPEN, null, Roles.NONE,
            KeyEvents.NONE.withDeclaredIfUnset(now), 0, draft.serviceId());
    store.insert(incident);
    store.addTimeline(List.of(IncidentWorkflowImpl.declared(incident)));
    boolean indexed = searchAttributes.enabled();
    WorkflowOptions.Builder options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(IncidentWorkflow.workflowId(incident.id()))
            .setTaskQueue(TaskQueues.INCIDENTS)
            .setStaticSummary(WorkflowSummaries.incidentSummary(incident))
            .setStaticDetails(WorkflowSummaries.incidentDetails(incident))
            .setWorkflowIdReusePolicy(
                WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE);
    if (indexed) {
      options.setTypedSearchAttributes(IncidentSearchAttributes.of(incident));
    }
    IncidentWorkflow workflow = client.newWorkflowStub(IncidentWorkflow.class, options.build());
    WorkflowClient.start(
        workflow::run,
        new IncidentRun(incident, 1, postmortemBackend, indexed, integrations.forNewIncident(),
            null, slack != null && slack.enabled() ? Boolean.TRUE : null));
    return incident;
  }
}
