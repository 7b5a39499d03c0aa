package dev.firebreak.api.escalation;

import dev.firebreak.activities.incident.CommandId;
import dev.firebreak.activities.incident.EscalationOutlook;
import dev.firebreak.activities.incident.IncidentEscalations;
import dev.firebreak.activities.incident.IncidentEscalations.PagerDutyPage;
import dev.firebreak.activities.incident.IncidentQueries;
import dev.firebreak.api.incident.IdempotencyKeys;
import dev.firebreak.api.incident.IncidentRequests;
import dev.firebreak.api.incident.IncidentResponse;
import dev.firebreak.api.problem.Checker;
import dev.firebreak.workflows.incident.messages.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/incidents/{id}/escalate}, open to everyone, including people with no
 * PagerDuty access: {@code {"pagerdutyServiceId"}} pages a PagerDuty service; otherwise Firebreak's
 * own escalation: {@code {}} pages the running escalation's next step now, {@code {"policyId": N}}
 * stops it and starts over with policy N. {@link IncidentEscalations} does the work.
 */
@RestController
@RequestMapping("/api/v1/incidents/{id}")
@Tag(name = "Escalation", description = "Escalate an incident: Firebreak's policies or PagerDuty")
public class EscalateController {

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
      String pagerdutyIncidentId, String pagerdutyUrl, String requestedBy) {

    static EscalationResponse of(PagerDutyPage page) {
      return new EscalationResponse(page.incidentId(), page.serviceId(),
          page.triggered() ? "TRIGGERED" : "TRIGGERING", page.workflowId(),
          page.pagerdutyIncidentId(), page.pagerdutyUrl(), page.requestedBy());
    }
  }

  private final IncidentEscalations escalations;
  private final IncidentQueries queries;
  private final IdempotencyKeys idempotency;
  private final EscalationOutlook outlook;

  public EscalateController(IncidentEscalations escalations, IncidentQueries queries,
      IdempotencyKeys idempotency, EscalationOutlook outlook) {
    this.escalations = escalations;
    this.queries = queries;
    this.idempotency = idempotency;
    this.outlook = outlook;
  }

  @PostMapping("/escalate")
  @Operation(summary = "Escalate: page a PagerDuty service, the next step, or another policy",
      description = "With pagerdutyServiceId: 201 once PagerDuty opened its incident, 202 while it"
          + " is still being tried; 409 when this service was already paged for this incident or"
          + " PagerDuty is disabled. Otherwise 200 with the incident: {} pages the running"
          + " escalation's next step now (409 when none runs), {policyId} starts over with that"
          + " policy; 409 once the incident is MITIGATED or later")
  public ResponseEntity<?> escalate(@PathVariable long id,
      @RequestBody(required = false) EscalateRequest body,
      @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key) {
    EscalateRequest request = body == null ? new EscalateRequest(null, null, null, null) : body;
    String author = request.author() != null ? request.author() : request.requestedBy();
    String serviceId = request.pagerdutyServiceId() == null ? null
        : request.pagerdutyServiceId().trim();
    Checker check = new Checker();
    check.maxLength("author", author, 255);
    check.maxLength("requestedBy", request.requestedBy(), 255);
    if (serviceId != null) {
      if (serviceId.isEmpty()) {
        check.problem("pagerdutyServiceId", "is required");
      } else if (serviceId.length() > ID_MAX || !serviceId.matches("[A-Za-z0-9]+")) {
        check.problem("pagerdutyServiceId",
            "must be a PagerDuty id (letters and digits, at most " + ID_MAX + ")");
      }
      if (request.policyId() != null) {
        check.problem("policyId", "give either pagerdutyServiceId or policyId, not both");
      }
    }
    check.done();
    Actor actor = IncidentRequests.actor(null, author);
    if (serviceId != null) {
      Actor requester = IncidentRequests.actor(null, request.requestedBy());
      return idempotency.answer(key, request, EscalationResponse.class, () -> {
        PagerDutyPage page = escalations.pagePagerDuty(id, serviceId, requester);
        return ResponseEntity.status(page.triggered() ? HttpStatus.CREATED : HttpStatus.ACCEPTED)
            .body(EscalationResponse.of(page));
      });
    }
    CommandId command = CommandId.fromIdempotencyKey("escalate", key);
    return idempotency.answer(key, request, IncidentResponse.class, () -> ResponseEntity.ok(
        IncidentResponse.of(escalations.escalate(id, request.policyId(), actor, command))));
  }

  @GetMapping("/escalation")
  @Operation(summary = "What happens next: the latest escalation and the pages still to come",
      description = "From the running escalation workflow: its phase, the step paged last, and"
          + " each page still due with who is on call for it then; estimated is true once it was"
          + " escalated early or triggered again")
  public EscalationOutlook.Outlook outlook(@PathVariable long id) {
    return outlook.of(id);
  }

  @GetMapping("/escalations")
  @Operation(summary = "The PagerDuty services paged for this incident")
  public List<EscalationResponse> escalations(@PathVariable long id) {
    queries.get(id);
    return escalations.pagerDutyPages(id).stream().map(EscalationResponse::of).toList();
  }
}
