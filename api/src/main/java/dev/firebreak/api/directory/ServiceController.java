package dev.firebreak.api.directory;

import dev.firebreak.activities.directory.Service;
import dev.firebreak.activities.directory.ServiceStore;
import dev.firebreak.workflows.alert.Severity;
import dev.firebreak.activities.directory.TeamStore;
import dev.firebreak.activities.oncall.EscalationPolicyStore;
import dev.firebreak.api.problem.ApiException;
import dev.firebreak.api.problem.Checker;
import dev.firebreak.workflows.incident.messages.Priority;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/services")
@Tag(name = "Services", description = "What can break: events reach a service by its integration key")
public class ServiceController {

  /**
   * A create or a replace. {@code severityPriorities} maps {@code critical}, {@code error}, {@code
   * warning}, {@code info} to {@code P1}..{@code P5}, or to null for an alert without incident;
   * severities left out keep the default (critical → P1, error → P2, the others alert only).
   */
  public record ServiceRequest(
      String name,
      String description,
      Long teamId,
      Long escalationPolicyId,
      Boolean opensIncidents,
      Map<String, String> severityPriorities,
      Integer ackTimeoutMinutes) {}

  /** A service as the API shows it, severities in PagerDuty's words. */
  public record ServiceResponse(
      long id,
      String name,
      String description,
      String integrationKey,
      Long teamId,
      Long escalationPolicyId,
      boolean opensIncidents,
      Map<String, Priority> severityPriorities,
      Integer ackTimeoutMinutes) {

    static ServiceResponse of(Service s) {
      Map<String, Priority> priorities = new LinkedHashMap<>();
      s.severityPriorities().forEach((severity, p) -> priorities.put(severity.wire(), p));
      return new ServiceResponse(s.id(), s.name(), s.description(), s.integrationKey(),
          s.teamId(), s.escalationPolicyId(), s.opensIncidents(), priorities,
          s.ackTimeoutMinutes());
    }
  }

  private final ServiceStore services;
  private final TeamStore teams;
  private final EscalationPolicyStore policies;

  public ServiceController(ServiceStore services, TeamStore teams,
      EscalationPolicyStore policies) {
    this.services = services;
    this.teams = teams;
    this.policies = policies;
  }

  @PostMapping
  @Operation(summary = "Create a service", description = "201 with its new integrationKey")
  public ResponseEntity<ServiceResponse> create(@RequestBody ServiceRequest body) {
    Service service = validate(0, body);
    try {
      ServiceResponse created = ServiceResponse.of(services.create(service));
      return ResponseEntity.created(URI.create("/api/v1/services/" + created.id())).body(created);
    } catch (DuplicateKeyException e) {
      throw ApiException.conflict("a service named " + body.name() + " already exists");
    }
  }

  @GetMapping
  public List<ServiceResponse> list() {
    return services.list().stream().map(ServiceResponse::of).toList();
  }

  @GetMapping("/{id}")
  public ServiceResponse get(@PathVariable long id) {
    return ServiceResponse.of(services.find(id).orElseThrow(() -> notFound(id)));
  }

  @PutMapping("/{id}")
  public ServiceResponse update(@PathVariable long id, @RequestBody ServiceRequest body) {
    Service service = validate(id, body);
    try {
      if (!services.update(service)) {
        throw notFound(id);
      }
    } catch (DuplicateKeyException e) {
      throw ApiException.conflict("a service named " + body.name() + " already exists");
    }
    return get(id);
  }

  @DeleteMapping("/{id}")
  public ResponseEntity<Void> delete(@PathVariable long id) {
    if (!services.delete(id)) {
      throw notFound(id);
    }
    return ResponseEntity.noContent().build();
  }

  private Service validate(long id, ServiceRequest body) {
    Checker check = new Checker();
    check.require("name", body.name());
    check.maxLength("name", body.name(), 255);
    check.maxLength("description", body.description(), 10_000);
    if (body.teamId() != null && teams.find(body.teamId()).isEmpty()) {
      check.problem("teamId", "no team " + body.teamId());
    }
    if (body.escalationPolicyId() != null && policies.find(body.escalationPolicyId()).isEmpty()) {
      check.problem("escalationPolicyId", "no escalation policy " + body.escalationPolicyId());
    }
    check.range("ackTimeoutMinutes", body.ackTimeoutMinutes(), 1, 10_080);
    Map<Severity, Priority> priorities = new EnumMap<>(Service.defaultSeverityPriorities());
    if (body.severityPriorities() != null) {
      body.severityPriorities().forEach((word, priority) -> {
        Severity severity = Severity.fromWire(word == null ? null : word.toLowerCase(Locale.ROOT));
        if (severity == null) {
          check.problem("severityPriorities",
              "'" + word + "' is not one of critical, error, warning, info");
          return;
        }
        priorities.put(severity, priority == null || priority.isBlank() ? null
            : check.oneOf("severityPriorities." + severity.wire(), priority, Priority.class,
                null));
      });
    }
    check.done();
    return new Service(id, body.name().trim(), body.description(), null, body.teamId(),
        body.escalationPolicyId(), body.opensIncidents() == null || body.opensIncidents(),
        priorities, body.ackTimeoutMinutes());
  }

  private static ApiException notFound(long id) {
    return ApiException.notFound("no service " + id);
  }
}
