package dev.firebreak.api.escalation;

import dev.firebreak.activities.directory.ServiceStore;
import dev.firebreak.activities.oncall.EscalationPolicyStore;
import dev.firebreak.api.incident.IncidentResponse;
import dev.firebreak.api.incident.IncidentService;
import dev.firebreak.api.problem.Checker;
import dev.firebreak.workflows.incident.messages.Escalate;
import dev.firebreak.workflows.incident.messages.Incident;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/incidents/{id}/escalate}. The on-call part: {@code {}} pages the running
 * escalation's next step now; {@code {"policyId": N}} stops it and starts over with policy N.
 * (The PagerDuty integration handles {@code {"pagerdutyServiceId"}} on the same path; the two
 * are merged here.)
 */
@RestController
@RequestMapping("/api/v1/incidents")
@Tag(name = "Incidents")
public class EscalateController {

  /** {@code policyId} to escalate with another policy; nothing to page the next step now. */
  public record EscalateRequest(Long policyId, String author) {}

  private final IncidentService incidents;
  private final EscalationPolicyStore policies;
  private final ServiceStore services;

  public EscalateController(IncidentService incidents, EscalationPolicyStore policies,
      ServiceStore services) {
    this.incidents = incidents;
    this.policies = policies;
    this.services = services;
  }

  @PostMapping("/{id}/escalate")
  @Operation(summary = "Escalate now: the next step, or with another escalation policy",
      description = "409 when no escalation runs (and no policyId is given) or the incident is"
          + " resolved")
  public IncidentResponse escalate(@PathVariable long id,
      @RequestBody(required = false) EscalateRequest body) {
    EscalateRequest request = body == null ? new EscalateRequest(null, null) : body;
    return escalateWithPolicy(id, request);
  }

  /** The on-call escalation: Firebreak's own policies. */
  private IncidentResponse escalateWithPolicy(long id, EscalateRequest request) {
    Checker check = new Checker();
    check.maxLength("author", request.author(), 255);
    if (request.policyId() != null && policies.find(request.policyId()).isEmpty()) {
      check.problem("policyId", "no escalation policy " + request.policyId());
    }
    check.done();
    Incident incident = incidents.get(id);
    Integer ackTimeout = incident.serviceId() == null ? null
        : services.find(incident.serviceId()).map(s -> s.ackTimeoutMinutes()).orElse(null);
    Escalate escalate = new Escalate(request.policyId(),
        request.policyId() == null ? null : ackTimeout, request.author());
    return IncidentResponse.of(incidents.change(id, w -> w.escalate(escalate)));
  }
}
