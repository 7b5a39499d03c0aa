package dev.firebreak.api.escalation;

import dev.firebreak.activities.incident.CommandId;
import dev.firebreak.activities.incident.IncidentCommands;
import dev.firebreak.api.incident.IdempotencyKeys;
import dev.firebreak.api.incident.IncidentRequests;
import dev.firebreak.api.incident.IncidentResponse;
import dev.firebreak.api.problem.Checker;
import dev.firebreak.api.security.Callers;
import dev.firebreak.workflows.incident.messages.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/incidents/{id}/acknowledge}: someone takes it; paging stops at once. */
@RestController
@RequestMapping("/api/v1/incidents")
@Tag(name = "Incidents")
public class AcknowledgeController {

  /** {@code author} names who; else the user {@code userId}'s name. */
  public record AcknowledgeRequest(Long userId, String author) {}

  private final IncidentCommands commands;
  private final IdempotencyKeys idempotency;
  private final Callers callers;

  public AcknowledgeController(IncidentCommands commands, IdempotencyKeys idempotency,
      Callers callers) {
    this.commands = commands;
    this.idempotency = idempotency;
    this.callers = callers;
  }

  @PostMapping("/{id}/acknowledge")
  @Operation(summary = "Acknowledge: stop paging",
      description = "Sets the acknowledged key event (first time), notes who on the timeline and"
          + " stops the running escalation; with the service's ack timeout, escalation starts"
          + " again if the incident is still unresolved by then")
  public ResponseEntity<IncidentResponse> acknowledge(@PathVariable long id,
      @RequestBody(required = false) AcknowledgeRequest body,
      @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key) {
    AcknowledgeRequest request = body == null ? new AcknowledgeRequest(null, null) : body;
    Checker check = new Checker();
    check.maxLength("author", request.author(), 255);
    check.done();
    Actor actor = callers.actor()
        .orElseGet(() -> IncidentRequests.actor(request.userId(), request.author()));
    CommandId command = CommandId.fromIdempotencyKey("acknowledge", key);
    return idempotency.answer(key, request, IncidentResponse.class,
        () -> ResponseEntity.ok(IncidentResponse.of(commands.acknowledge(id, actor, command))));
  }
}
