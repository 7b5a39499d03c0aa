package dev.firebreak.api.escalation;

import dev.firebreak.activities.directory.ServiceStore;
import dev.firebreak.activities.integrations.pagerduty.PagerDutySettings;
import dev.firebreak.activities.oncall.EscalationPolicyStore;
import dev.firebreak.activities.integrations.pagerduty.PagerDutyStore;
import dev.firebreak.api.incident.IncidentResponse;
import dev.firebreak.api.incident.IncidentService;
import dev.firebreak.api.problem.ApiException;
import dev.firebreak.api.problem.Checker;
import dev.firebreak.workflows.TaskQueues;
import dev.firebreak.workflows.incident.messages.Escalate;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.Status;
import dev.firebreak.workflows.integrations.PagerDutyTriggerWorkflow;
import dev.firebreak.workflows.integrations.messages.PagerDutyTrigger;
import dev.firebreak.workflows.integrations.messages.PagerDutyTriggered;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/incidents/{id}/escalate}, open to everyone, including people with no
 * PagerDuty access: {@code {"pagerdutyServiceId"}} pages a PagerDuty service; otherwise Firebreak's
 * own escalation: {@code {}} pages the running escalation's next step now, {@code {"policyId": N}}
 * stops it and starts over with policy N.
 */
@RestController
@RequestMapping("/api/v1/incidents/{id}")
@Tag(name = "Escalation", description = "Escalate an incident: Firebreak's policies or PagerDuty")
public class EscalateController {

  static final int WAIT_SECONDS = 10;
  static final int ID_MAX = 32;

  /**
   * {@code pagerdutyServiceId} to page PagerDuty; else {@code policyId} to escalate with another
   * policy, or neither to page the next step now. {@code author} defaults to {@code requestedBy}.
   */
  public record EscalateRequest(
      String pagerdutyServiceId, String requestedBy, Long policyId, String author) {}

  /**
   * {@code status} is TRIGGERED once PagerDuty answered, TRIGGERING while it is still being
   * tried (the incident's timeline will say how it ended).
   */
  public record EscalationResponse(
      long incidentId, String pagerdutyServiceId, String status, String workflowId,
      String pagerdutyIncidentId, String pagerdutyUrl, String requestedBy) {}

  private final IncidentService incidents;
  private final PagerDutySettings pagerDuty;
  private final PagerDutyStore store;
  private final WorkflowClient client;
  private final EscalationPolicyStore policies;
  private final ServiceStore services;

  public EscalateController(
      IncidentService incidents, PagerDutySettings pagerDuty, PagerDutyStore store,
      WorkflowClient client, EscalationPolicyStore policies, ServiceStore services) {
    this.incidents = incidents;
    this.pagerDuty = pagerDuty;
    this.store = store;
    this.client = client;
    this.policies = policies;
    this.services = services;
  }

  @PostMapping("/escalate")
  @Operation(summary = "Escalate: page a PagerDuty service, the next step, or another policy",
      description = "With pagerdutyServiceId: 201 once PagerDuty opened its incident, 202 while it"
          + " is still being tried; 409 when this service was already paged for this incident or"
          + " PagerDuty is disabled. Otherwise 200 with the incident: {} pages the running"
          + " escalation's next step now (409 when none runs), {policyId} starts over with that"
          + " policy; 409 once the incident is MITIGATED or later")
  public ResponseEntity<?> escalate(
      @PathVariable long id, @RequestBody(required = false) EscalateRequest body) {
    EscalateRequest request = body == null ? new EscalateRequest(null, null, null, null) : body;
    if (request.pagerdutyServiceId() == null) {
      return ResponseEntity.ok(escalateWithPolicy(id, request));
    }
    if (request.policyId() != null) {
      throw ApiException.badRequest(List.of(new ApiException.FieldProblem("policyId",
          "give either pagerdutyServiceId or policyId, not both")));
    }
    return escalateToPagerDuty(id, request);
  }

  /** Firebreak's own escalation policies, through the incident workflow. */
  private IncidentResponse escalateWithPolicy(long id, EscalateRequest request) {
    String author = request.author() != null ? request.author() : request.requestedBy();
    Checker check = new Checker();
    check.maxLength("author", author, 255);
    if (request.policyId() != null && policies.find(request.policyId()).isEmpty()) {
      check.problem("policyId", "no escalation policy " + request.policyId());
    }
    check.done();
    Incident incident = incidents.get(id);
    Integer ackTimeout = incident.serviceId() == null ? null
        : services.find(incident.serviceId()).map(s -> s.ackTimeoutMinutes()).orElse(null);
    Escalate escalate = new Escalate(request.policyId(),
        request.policyId() == null ? null : ackTimeout, author);
    return IncidentResponse.of(incidents.change(id, w -> w.escalate(escalate)));
  }

  /** A PagerDuty service, through a PagerDutyTriggerWorkflow. */
  private ResponseEntity<EscalationResponse> escalateToPagerDuty(long id, EscalateRequest body) {
    String serviceId = body.pagerdutyServiceId() == null ? null : body.pagerdutyServiceId().trim();
    if (serviceId == null || serviceId.isEmpty()) {
      throw ApiException.badRequest(List.of(
          new ApiException.FieldProblem("pagerdutyServiceId", "is required")));
    }
    if (serviceId.length() > ID_MAX || !serviceId.matches("[A-Za-z0-9]+")) {
      throw ApiException.badRequest(List.of(new ApiException.FieldProblem("pagerdutyServiceId",
          "must be a PagerDuty id (letters and digits, at most " + ID_MAX + ")")));
    }
    if (body.requestedBy() != null && body.requestedBy().length() > 255) {
      throw ApiException.badRequest(List.of(
          new ApiException.FieldProblem("requestedBy", "must be at most 255 characters")));
    }
    Incident incident = incidents.get(id);
    if (incident.status() == Status.CLOSED) {
      throw ApiException.conflict("incident " + id + " is CLOSED");
    }
    if (!pagerDuty.enabled()) {
      throw ApiException.conflict("PagerDuty is not enabled (ENABLE_PAGERDUTY)");
    }
    if (!store.claimTrigger(id, serviceId, body.requestedBy())) {
      throw ApiException.conflict(
          "PagerDuty service " + serviceId + " was already paged for incident " + id);
    }
    String workflowId = PagerDutyTriggerWorkflow.workflowId(id, serviceId);
    WorkflowStub stub = client.newUntypedWorkflowStub("PagerDutyTriggerWorkflow",
        WorkflowOptions.newBuilder()
            .setWorkflowId(workflowId)
            .setTaskQueue(TaskQueues.INTEGRATIONS)
            .setWorkflowIdReusePolicy(
                WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY)
            .build());
    try {
      stub.start(new PagerDutyTrigger(id, serviceId, body.requestedBy()));
    } catch (WorkflowExecutionAlreadyStarted e) {
      throw ApiException.conflict(
          "PagerDuty service " + serviceId + " was already paged for incident " + id);
    } catch (RuntimeException e) {
      store.releaseTrigger(id, serviceId);
      throw e;
    }
    try {
      PagerDutyTriggered triggered =
          stub.getResult(WAIT_SECONDS, TimeUnit.SECONDS, PagerDutyTriggered.class);
      return ResponseEntity.status(HttpStatus.CREATED).body(new EscalationResponse(id, serviceId,
          "TRIGGERED", workflowId, triggered.pagerdutyIncidentId(), triggered.url(),
          body.requestedBy()));
    } catch (TimeoutException stillTrying) {
      return ResponseEntity.status(HttpStatus.ACCEPTED).body(new EscalationResponse(id, serviceId,
          "TRIGGERING", workflowId, null, null, body.requestedBy()));
    } catch (WorkflowFailedException failed) {
      throw new ApiException(HttpStatus.BAD_GATEWAY,
          "PagerDuty did not open an incident on service " + serviceId + "; the incident's"
              + " timeline says why, and the service may be paged again");
    }
  }

  @GetMapping("/escalations")
  @Operation(summary = "The PagerDuty services paged for this incident")
  public List<EscalationResponse> escalations(@PathVariable long id) {
    incidents.get(id);
    return store.triggers(id).stream()
        .map(t -> new EscalationResponse(id, t.serviceId(),
            t.pagerdutyIncidentId() == null ? "TRIGGERING" : "TRIGGERED",
            PagerDutyTriggerWorkflow.workflowId(id, t.serviceId()), t.pagerdutyIncidentId(),
            t.pagerdutyUrl(), t.requestedBy()))
        .toList();
  }
}
