package dev.firebreak.api.directory;

import dev.firebreak.activities.directory.Service;
import dev.firebreak.activities.services.Services;
import dev.firebreak.activities.services.Services.ServiceDraft;
import dev.firebreak.workflows.incident.messages.Priority;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  private final Services services;

  public ServiceController(Services services) {
    this.services = services;
  }

  @PostMapping
  @Operation(summary = "Create a service", description = "201 with its new integrationKey")
  public ResponseEntity<ServiceResponse> create(@RequestBody ServiceDraft body) {
    ServiceResponse created = ServiceResponse.of(services.create(body));
    return ResponseEntity.created(URI.create("/api/v1/services/" + created.id())).body(created);
  }

  @GetMapping
  public List<ServiceResponse> list() {
    return services.list().stream().map(ServiceResponse::of).toList();
  }

  @GetMapping("/{id}")
  public ServiceResponse get(@PathVariable long id) {
    return ServiceResponse.of(services.get(id));
  }

  @PutMapping("/{id}")
  public ServiceResponse update(@PathVariable long id, @RequestBody ServiceDraft body) {
    return ServiceResponse.of(services.update(id, body));
  }

  @DeleteMapping("/{id}")
  public ResponseEntity<Void> delete(@PathVariable long id) {
    services.delete(id);
    return ResponseEntity.noContent().build();
  }
}
