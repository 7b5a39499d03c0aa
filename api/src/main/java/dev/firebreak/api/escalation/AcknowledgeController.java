package dev.firebreak.api.escalation;

import dev.firebreak.activities.directory.User;
import dev.firebreak.activities.directory.UserStore;
import dev.firebreak.api.incident.IncidentResponse;
import dev.firebreak.api.incident.IncidentService;
import dev.firebreak.api.problem.Checker;
import dev.firebreak.workflows.incident.messages.Acknowledge;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/incidents/{id}/acknowledge}: someone takes it; paging stops at once. */
@RestController
@RequestMapping("/api/v1/incidents")
@Tag(name = "Incidents")
public class AcknowledgeController {

  public record AcknowledgeRequest(Long userId, String author) {}

  private final IncidentService incidents;
  private final UserStore users;

  public AcknowledgeController(IncidentService incidents, UserStore users) {
    this.incidents = incidents;
    this.users = users;
  }

  @PostMapping("/{id}/acknowledge")
  @Operation(summary = "Acknowledge: stop paging",
      description = "Sets the acknowledged key event (first time), notes who on the timeline and"
          + " stops the running escalation; with the service's ack timeout, escalation starts"
          + " again if the incident is still unresolved by then")
  public IncidentResponse acknowledge(@PathVariable long id,
      @RequestBody(required = false) AcknowledgeRequest body) {
    AcknowledgeRequest request = body == null ? new AcknowledgeRequest(null, null) : body;
    Checker check = new Checker();
    check.maxLength("author", request.author(), 255);
    User user = null;
    if (request.userId() != null) {
      user = users.find(request.userId()).orElse(null);
      if (user == null) {
        check.problem("userId", "no user " + request.userId());
      }
    }
    check.done();
    String author = request.author() != null ? request.author()
        : user != null ? user.name() : null;
    Acknowledge acknowledge = new Acknowledge(request.userId(), author);
    return IncidentResponse.of(incidents.change(id, w -> w.acknowledge(acknowledge)));
  }
}
