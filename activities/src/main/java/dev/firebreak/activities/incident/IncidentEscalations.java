package dev.firebreak.activities.incident;

import dev.firebreak.activities.directory.ServiceStore;
import dev.firebreak.activities.integrations.pagerduty.PagerDutySettings;
import dev.firebreak.activities.integrations.pagerduty.PagerDutyStore;
import dev.firebreak.activities.oncall.EscalationPolicyStore;
import dev.firebreak.activities.temporal.WorkflowSummaries;
import dev.firebreak.workflows.TaskQueues;
import dev.firebreak.workflows.incident.IncidentChangeRefused;
import dev.firebreak.workflows.incident.messages.Actor;
import dev.firebreak.workflows.incident.messages.Escalate;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.integrations.PagerDutyTriggerWorkflow;
import dev.firebreak.workflows.integrations.messages.PagerDutyTrigger;
import dev.firebreak.workflows.integrations.messages.PagerDutyTriggered;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Service;

/**
 * Escalation on request, open to everyone: Firebreak's own policies through the incident workflow,
 * or a PagerDuty service through a {@code PagerDutyTriggerWorkflow}, claimed in PostgreSQL first so
 * that one service is paged at most once per incident.
 */
@Service
public class IncidentEscalations {

  /** How long a PagerDuty page is waited for before it is answered as still TRIGGERING. */
  static final int PAGERDUTY_WAIT_SECONDS = 10;

  /** A PagerDuty service paged for an incident; {@code triggered} once PagerDuty answered. */
  public record PagerDutyPage(long incidentId, String serviceId, boolean triggered,
      String workflowId, String pagerdutyIncidentId, String pagerdutyUrl, String requestedBy) {}

  /** PagerDuty refused or failed to open its incident; the incident's timeline says why. */
  public static class PagerDutyFailed extends RuntimeException {
    public PagerDutyFailed(String serviceId) {
      super("PagerDuty did not open an incident on service " + serviceId + "; the incident's"
          + " timeline says why, and the service may be paged again");
    }
  }

  private final IncidentCommands commands;
  private final EscalationPolicyStore policies;
  private final ServiceStore services;
  private final PagerDutySettings pagerDuty;
  private final PagerDutyStore triggers;
  private final WorkflowClient client;

  public IncidentEscalations(IncidentCommands commands, EscalationPolicyStore policies,
      ServiceStore services, PagerDutySettings pagerDuty, PagerDutyStore triggers,
      WorkflowClient client) {
    this.commands = commands;
    this.policies = policies;
    this.services = services;
    this.pagerDuty = pagerDuty;
    this.triggers = triggers;
    this.client = client;
  }

  /**
   * With no {@code policyId}, pages the running escalation's next step now; with one, starts over
   * with that policy and the ack timeout of the incident's service.
   */
  public Incident escalate(long id, Long policyId, Actor actor, CommandId command) {
    if (policyId != null && policies.find(policyId).isEmpty()) {
      throw new InvalidCommand("policyId", "no escalation policy " + policyId);
    }
    Incident incident = commands.requireOpen(id);
    Integer ackTimeout = policyId == null || incident.serviceId() == null ? null
        : services.find(incident.serviceId()).map(s -> s.ackTimeoutMinutes()).orElse(null);
    return commands.escalate(id, new Escalate(policyId, ackTimeout, null), actor, command);
  }

  /**
   * Pages PagerDuty service {@code serviceId} for the incident and waits a little for PagerDuty's
   * answer. Refused (409) when the incident is CLOSED, PagerDuty is disabled, or this service was
   * already paged for it.
   */
  public PagerDutyPage pagePagerDuty(long id, String serviceId, Actor actor) {
    String requestedBy = actor.name();
    commands.requireOpen(id);
    if (!pagerDuty.enabled()) {
      throw new IncidentChangeRefused("PagerDuty is not enabled (ENABLE_PAGERDUTY)");
    }
    if (!triggers.claimTrigger(id, serviceId, requestedBy)) {
      throw alreadyPaged(id, serviceId);
    }
    String workflowId = PagerDutyTriggerWorkflow.workflowId(id, serviceId);
    PagerDutyTriggerWorkflow workflow = client.newWorkflowStub(PagerDutyTriggerWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(workflowId)
            .setTaskQueue(TaskQueues.INTEGRATIONS)
            .setStaticSummary(WorkflowSummaries.pagerDutySummary(id, serviceId))
            .setWorkflowIdReusePolicy(
                WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY)
            .build());
    try {
      WorkflowClient.start(workflow::triggerPagerDuty,
          new PagerDutyTrigger(id, serviceId, requestedBy));
    } catch (WorkflowExecutionAlreadyStarted e) {
      throw alreadyPaged(id, serviceId);
    } catch (RuntimeException e) {
      triggers.releaseTrigger(id, serviceId);
      throw e;
    }
    try {
      PagerDutyTriggered triggered = WorkflowStub.fromTyped(workflow)
          .getResult(PAGERDUTY_WAIT_SECONDS, TimeUnit.SECONDS, PagerDutyTriggered.class);
      return new PagerDutyPage(id, serviceId, true, workflowId, triggered.pagerdutyIncidentId(),
          triggered.url(), requestedBy);
    } catch (TimeoutException stillTrying) {
      return new PagerDutyPage(id, serviceId, false, workflowId, null, null, requestedBy);
    } catch (WorkflowFailedException failed) {
      throw new PagerDutyFailed(serviceId);
    }
  }

  /** The PagerDuty services paged for this incident. */
  public List<PagerDutyPage> pagerDutyPages(long id) {
    return triggers.triggers(id).stream()
        .map(t -> new PagerDutyPage(id, t.serviceId(), t.pagerdutyIncidentId() != null,
            PagerDutyTriggerWorkflow.workflowId(id, t.serviceId()), t.pagerdutyIncidentId(),
            t.pagerdutyUrl(), t.requestedBy()))
        .toList();
  }

  private static IncidentChangeRefused alreadyPaged(long id, String serviceId) {
    return new IncidentChangeRefused(
        "PagerDuty service " + serviceId + " was already paged for incident " + id);
  }
}
