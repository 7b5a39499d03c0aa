package dev.firebreak.api.incident;

import dev.firebreak.activities.integrations.IncidentLinkStore;
import dev.firebreak.activities.store.IncidentFilter;
import dev.firebreak.activities.directory.ServiceStore;
import dev.firebreak.api.problem.Checker;
import dev.firebreak.workflows.incident.IncidentRules;
import dev.firebreak.workflows.incident.messages.AddUpdate;
import dev.firebreak.workflows.incident.messages.ChangeDetails;
import dev.firebreak.workflows.incident.messages.ChangeKeyEvents;
import dev.firebreak.workflows.incident.messages.ChangeRoles;
import dev.firebreak.workflows.incident.messages.ChangeStatus;
import dev.firebreak.workflows.incident.messages.ClosureReason;
import dev.firebreak.workflows.incident.messages.Environment;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.KeyEvents;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Roles;
import dev.firebreak.workflows.incident.messages.Status;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/incidents")
@Tag(name = "Incidents", description = "Declare incidents and run them through their lifecycle")
public class IncidentController {

  private static final int MAX_PAGE = 200;

  private final IncidentService incidents;
  private final ServiceStore services;
  private final IncidentLinkStore links;

  public IncidentController(
      IncidentService incidents, ServiceStore services, IncidentLinkStore links) {
    this.incidents = incidents;
    this.services = services;
    this.links = links;
  }

  /** The incident with what integrations linked to it (Jira ticket, postmortem page). */
  private IncidentResponse respond(Incident incident) {
    return IncidentResponse.of(incident, null, links.links(incident.id()));
  }

  @PostMapping
  @Operation(summary = "Declare an incident",
      description = "201 with the new incident; 200 with the open incident that has the same dedupKey")
  public ResponseEntity<IncidentResponse> create(@RequestBody IncidentRequests.Create body) {
    Checker check = new Checker();
    IncidentRequests.checkTitle(check, body.title(), true);
    check.maxLength("description", body.description(), IncidentRules.DESCRIPTION_MAX);
    Priority priority = check.oneOf("priority", body.priority(), Priority.class, Priority.P3);
    Environment environment =
        check.oneOf("environment", body.environment(), Environment.class, Environment.PRD);
    check.maxLength("category", body.category(), IncidentRules.CATEGORY_MAX);
    check.notBlankIfGiven("dedupKey", body.dedupKey());
    check.maxLength("dedupKey", body.dedupKey(), IncidentRules.DEDUP_KEY_MAX);
    check.maxLength("createdBy", body.createdBy(), 255);
    if (body.serviceId() != null && services.find(body.serviceId()).isEmpty()) {
      check.problem("serviceId", "no service " + body.serviceId());
    }
    check.done();
    Incident draft =
        new Incident(0, body.title().trim(), body.description(), priority, environment,
            blankToNull(body.category()), Boolean.TRUE.equals(body.privateIncident()),
            blankToNull(body.dedupKey()), null, body.createdBy(), Status.OPEN, null, Roles.NONE,
            KeyEvents.NONE, 0, body.serviceId());
    IncidentService.Created created = incidents.create(draft);
    IncidentResponse response = respond(created.incident());
    if (!created.isNew()) {
      return ResponseEntity.ok(response);
    }
    return ResponseEntity.created(URI.create("/api/v1/incidents/" + response.id())).body(response);
  }

  @GetMapping
  @Operation(summary = "List incidents, newest first")
  public IncidentResponse.Page list(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String priority,
      @RequestParam(required = false) String environment,
      @RequestParam(defaultValue = "50") int limit,
      @RequestParam(defaultValue = "0") int offset) {
    Checker check = new Checker();
    IncidentFilter filter =
        new IncidentFilter(
            check.oneOf("status", status, Status.class, null),
            check.oneOf("priority", priority, Priority.class, null),
            check.oneOf("environment", environment, Environment.class, null));
    if (limit < 1 || limit > MAX_PAGE) {
      check.problem("limit", "must be between 1 and " + MAX_PAGE);
    }
    if (offset < 0) {
      check.problem("offset", "must not be negative");
    }
    check.done();
    List<Incident> page = incidents.list(filter, limit, offset);
    Map<Long, IncidentLinkStore.Links> linked =
        links.linksOf(page.stream().map(Incident::id).toList());
    return new IncidentResponse.Page(
        page.stream()
            .map(i -> IncidentResponse.of(i, null,
                linked.getOrDefault(i.id(), IncidentLinkStore.Links.NONE)))
            .toList(),
        incidents.count(filter), limit, offset);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One incident with its timeline")
  public IncidentResponse get(@PathVariable long id) {
    return IncidentResponse.of(incidents.get(id), incidents.timeline(id), links.links(id));
  }

  @PostMapping("/{id}/status")
  @Operation(summary = "Move the incident through its lifecycle",
      description = "409 with the reason when the lifecycle refuses the change")
  public IncidentResponse changeStatus(
      @PathVariable long id, @RequestBody IncidentRequests.ChangeStatus body) {
    Checker check = new Checker();
    check.require("status", body.status());
    Status status = check.oneOf("status", body.status(), Status.class, null);
    ClosureReason reason =
        check.oneOf("closureReason", body.closureReason(), ClosureReason.class, null);
    check.maxLength("message", body.message(), IncidentRules.MESSAGE_MAX);
    check.done();
    ChangeStatus change = new ChangeStatus(status, body.message(), reason, body.author());
    return respond(incidents.change(id, w -> w.changeStatus(change)));
  }

  @PostMapping("/{id}/updates")
  @Operation(summary = "Add an update to the timeline")
  public ResponseEntity<IncidentResponse> addUpdate(
      @PathVariable long id, @RequestBody IncidentRequests.AddUpdate body) {
    Checker check = new Checker();
    check.require("message", body.message());
    check.maxLength("message", body.message(), IncidentRules.MESSAGE_MAX);
    check.done();
    AddUpdate update = new AddUpdate(body.message(), body.author());
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(respond(incidents.change(id, w -> w.addUpdate(update))));
  }

  @PutMapping("/{id}/roles")
  @Operation(summary = "Assign the commander and the communication lead",
      description = "A missing role is kept; an empty one is unassigned")
  public IncidentResponse changeRoles(
      @PathVariable long id, @RequestBody IncidentRequests.ChangeRoles body) {
    Checker check = new Checker();
    if (body.commander() == null && body.communicationLead() == null) {
      check.problem("commander", "give commander, communicationLead or both");
    }
    check.maxLength("commander", body.commander(), IncidentRules.ROLE_MAX);
    check.maxLength("communicationLead", body.communicationLead(), IncidentRules.ROLE_MAX);
    check.done();
    ChangeRoles change = new ChangeRoles(body.commander(), body.communicationLead(), body.author());
    return respond(incidents.change(id, w -> w.changeRoles(change)));
  }

  @PutMapping("/{id}/key-events")
  @Operation(summary = "Set key events (started, detected, declared, mitigated, recovered, resolved)")
  public IncidentResponse changeKeyEvents(
      @PathVariable long id, @RequestBody IncidentRequests.ChangeKeyEvents body) {
    KeyEvents events =
        new KeyEvents(body.started(), body.detected(), body.declared(), body.mitigated(),
            body.recovered(), body.resolved());
    Checker check = new Checker();
    if (events.equals(KeyEvents.NONE)) {
      check.problem("keyEvents", "give at least one of started, detected, declared, mitigated,"
          + " recovered, resolved");
    }
    check.done();
    ChangeKeyEvents change = new ChangeKeyEvents(events, body.author());
    return respond(incidents.change(id, w -> w.changeKeyEvents(change)));
  }

  @PatchMapping("/{id}")
  @Operation(summary = "Edit title, description, priority, environment or category")
  public IncidentResponse changeDetails(
      @PathVariable long id, @RequestBody IncidentRequests.ChangeDetails body) {
    Checker check = new Checker();
    IncidentRequests.checkTitle(check, body.title(), false);
    check.maxLength("description", body.description(), IncidentRules.DESCRIPTION_MAX);
    Priority priority = check.oneOf("priority", body.priority(), Priority.class, null);
    Environment environment =
        check.oneOf("environment", body.environment(), Environment.class, null);
    check.maxLength("category", body.category(), IncidentRules.CATEGORY_MAX);
    if (body.title() == null && body.description() == null && body.priority() == null
        && body.environment() == null && body.category() == null) {
      check.problem("body", "give at least one of title, description, priority, environment,"
          + " category");
    }
    check.done();
    ChangeDetails change =
        new ChangeDetails(body.title() == null ? null : body.title().trim(), body.description(),
            priority, environment, body.category(), body.author());
    return respond(incidents.change(id, w -> w.changeDetails(change)));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
