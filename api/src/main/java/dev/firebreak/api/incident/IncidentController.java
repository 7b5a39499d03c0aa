package dev.firebreak.api.incident;

import dev.firebreak.activities.incident.CommandId;
import dev.firebreak.activities.incident.IncidentCommands;
import dev.firebreak.activities.incident.IncidentOpener;
import dev.firebreak.activities.incident.IncidentQueries;
import dev.firebreak.api.problem.Checker;
import dev.firebreak.api.security.Callers;
import dev.firebreak.workflows.incident.messages.Actor;
import dev.firebreak.workflows.incident.messages.Environment;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Status;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Incidents over REST. It only translates: {@link IncidentRequests} checks and converts the body,
 * {@link IncidentCommands} changes, {@link IncidentQueries} reads. Every call that opens or changes
 * an incident takes an {@code Idempotency-Key} ({@link IdempotencyKeys}), from which the Temporal
 * update id is derived too.
 */
@RestController
@RequestMapping("/api/v1/incidents")
@Tag(name = "Incidents", description = "Declare incidents and run them through their lifecycle")
public class IncidentController {

  private static final int MAX_PAGE = 200;

  private final IncidentCommands commands;
  private final IncidentQueries queries;
  private final IdempotencyKeys idempotency;
  private final Callers callers;

  public IncidentController(IncidentCommands commands, IncidentQueries queries,
      IdempotencyKeys idempotency, Callers callers) {
    this.commands = commands;
    this.queries = queries;
    this.idempotency = idempotency;
    this.callers = callers;
  }

  /** The incident with what integrations linked to it (Jira ticket, postmortem page). */
  private IncidentResponse respond(Incident incident) {
    return IncidentResponse.of(incident, null, queries.links(incident.id()));
  }

  @PostMapping
  @Operation(summary = "Declare an incident",
      description = "201 with the new incident; 200 with the open incident that has the same dedupKey")
  public ResponseEntity<IncidentResponse> create(@RequestBody IncidentRequests.Create body,
      @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key) {
    Incident draft = body.draft();
    Actor actor = callers.actor().orElseGet(() -> IncidentRequests.actor(body.createdBy()));
    return idempotency.answer(key, body, IncidentResponse.class, () -> {
      IncidentOpener.Opened opened = commands.open(draft, actor);
      IncidentResponse response = respond(opened.incident());
      return opened.isNew()
          ? ResponseEntity.created(URI.create("/api/v1/incidents/" + response.id())).body(response)
          : ResponseEntity.ok(response);
    });
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
    Status byStatus = check.oneOf("status", status, Status.class, null);
    Priority byPriority = check.oneOf("priority", priority, Priority.class, null);
    Environment byEnvironment = check.oneOf("environment", environment, Environment.class, null);
    if (limit < 1 || limit > MAX_PAGE) {
      check.problem("limit", "must be between 1 and " + MAX_PAGE);
    }
    if (offset < 0) {
      check.problem("offset", "must not be negative");
    }
    check.done();
    IncidentQueries.Page page = queries.page(byStatus, byPriority, byEnvironment, limit, offset);
    return new IncidentResponse.Page(
        page.items().stream()
            .map(i -> IncidentResponse.of(i, null,
                page.links().getOrDefault(i.id(), IncidentQueries.Links.NONE)))
            .toList(),
        page.total(), limit, offset);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One incident with its timeline")
  public IncidentResponse get(@PathVariable long id) {
    return IncidentResponse.of(queries.get(id), queries.timeline(id), queries.links(id));
  }

  @PostMapping("/{id}/status")
  @Operation(summary = "Move the incident through its lifecycle",
      description = "409 with the reason when the lifecycle refuses the change")
  public ResponseEntity<IncidentResponse> changeStatus(@PathVariable long id,
      @RequestBody IncidentRequests.ChangeStatus body,
      @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key) {
    var change = body.command();
    return change(key, body, body.author(), HttpStatus.OK,
        actor -> commands.changeStatus(id, change, actor, command("status", key)));
  }

  @PostMapping("/{id}/updates")
  @Operation(summary = "Add an update to the timeline")
  public ResponseEntity<IncidentResponse> addUpdate(@PathVariable long id,
      @RequestBody IncidentRequests.AddUpdate body,
      @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key) {
    var update = body.command();
    return change(key, body, body.author(), HttpStatus.CREATED,
        actor -> commands.addUpdate(id, update, actor, command("update", key)));
  }

  @PutMapping("/{id}/roles")
  @Operation(summary = "Assign the commander and the communication lead",
      description = "A missing role is kept; an empty one is unassigned")
  public ResponseEntity<IncidentResponse> changeRoles(@PathVariable long id,
      @RequestBody IncidentRequests.ChangeRoles body,
      @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key) {
    var change = body.command();
    return change(key, body, body.author(), HttpStatus.OK,
        actor -> commands.changeRoles(id, change, actor, command("roles", key)));
  }

  @PutMapping("/{id}/key-events")
  @Operation(summary = "Set key events (started, detected, declared, mitigated, recovered, resolved)")
  public ResponseEntity<IncidentResponse> changeKeyEvents(@PathVariable long id,
      @RequestBody IncidentRequests.ChangeKeyEvents body,
      @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key) {
    var change = body.command();
    return change(key, body, body.author(), HttpStatus.OK,
        actor -> commands.changeKeyEvents(id, change, actor, command("key-events", key)));
  }

  @PatchMapping("/{id}")
  @Operation(summary = "Edit title, description, priority, environment or category")
  public ResponseEntity<IncidentResponse> changeDetails(@PathVariable long id,
      @RequestBody IncidentRequests.ChangeDetails body,
      @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key) {
    var change = body.command();
    return change(key, body, body.author(), HttpStatus.OK,
        actor -> commands.changeDetails(id, change, actor, command("details", key)));
  }

  /**
   * Applies a checked change once per Idempotency-Key, on behalf of {@code author}, and answers
   * the incident as the workflow returned it.
   */
  private ResponseEntity<IncidentResponse> change(String key, Object body, String author,
      HttpStatus status, Function<Actor, Incident> change) {
    Actor actor = callers.actor().orElseGet(() -> IncidentRequests.actor(author));
    return idempotency.answer(key, body, IncidentResponse.class,
        () -> ResponseEntity.status(status).body(respond(change.apply(actor))));
  }

  /** The update id of a REST change: from the Idempotency-Key, or fresh without one. */
  static CommandId command(String operation, String key) {
    return CommandId.fromIdempotencyKey(operation, key);
  }
}
