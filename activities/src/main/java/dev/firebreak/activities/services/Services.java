package dev.firebreak.activities.services;

import dev.firebreak.activities.directory.Service;
import dev.firebreak.activities.directory.ServiceStore;
import dev.firebreak.activities.directory.TeamStore;
import dev.firebreak.activities.oncall.EscalationPolicyStore;
import dev.firebreak.workflows.alert.Severity;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.validation.Conflict;
import dev.firebreak.workflows.validation.NotFound;
import dev.firebreak.workflows.validation.Problems;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The application service of services (kept apart from the directory, which on-call depends on,
 * since a service refers to an escalation policy): a service's team and escalation policy must exist, and its
 * severity mapping names real severities and priorities (those left out keep the default).
 */
@Component
public class Services {

  /**
   * A create or a replace. {@code severityPriorities} maps {@code critical}, {@code error}, {@code
   * warning}, {@code info} to {@code P1}..{@code P5}, or to null for an alert without incident.
   */
  public record ServiceDraft(
      String name,
      String description,
      Long teamId,
      Long escalationPolicyId,
      Boolean opensIncidents,
      Map<String, String> severityPriorities,
      Integer ackTimeoutMinutes) {}

  private final ServiceStore services;
  private final TeamStore teams;
  private final EscalationPolicyStore policies;

  public Services(ServiceStore services, TeamStore teams, EscalationPolicyStore policies) {
    this.services = services;
    this.teams = teams;
    this.policies = policies;
  }

  public Service create(ServiceDraft draft) {
    Service service = valid(0, draft);
    try {
      return services.create(service);
    } catch (DuplicateKeyException e) {
      throw taken(draft);
    }
  }

  public List<Service> list() {
    return services.list();
  }

  public Service get(long id) {
    return services.find(id).orElseThrow(() -> new NotFound("no service " + id));
  }

  public Service update(long id, ServiceDraft draft) {
    Service service = valid(id, draft);
    try {
      if (!services.update(service)) {
        throw new NotFound("no service " + id);
      }
    } catch (DuplicateKeyException e) {
      throw taken(draft);
    }
    return get(id);
  }

  public void delete(long id) {
    if (!services.delete(id)) {
      throw new NotFound("no service " + id);
    }
  }

  /**
   * The services a person may page (those with an escalation policy that exists), with the
   * policy's name, at most {@code max}.
   */
  public List<Pageable> pageable(int max) {
    return services.list().stream()
        .filter(s -> s.escalationPolicyId() != null)
        .flatMap(s -> policies.find(s.escalationPolicyId()).stream()
            .map(p -> new Pageable(s, p.name())))
        .limit(max)
        .toList();
  }

  /** A service that has an escalation policy, and the policy's name. */
  public record Pageable(Service service, String policyName) {}

  private Service valid(long id, ServiceDraft body) {
    Problems check = new Problems();
    check.require("name", body.name());
    check.maxLength("name", body.name(), 255);
    check.maxLength("description", body.description(), 10_000);
    if (body.teamId() != null && teams.find(body.teamId()).isEmpty()) {
      check.add("teamId", "no team " + body.teamId());
    }
    if (body.escalationPolicyId() != null && policies.find(body.escalationPolicyId()).isEmpty()) {
      check.add("escalationPolicyId", "no escalation policy " + body.escalationPolicyId());
    }
    check.range("ackTimeoutMinutes", body.ackTimeoutMinutes(), 1, 10_080);
    Map<Severity, Priority> priorities = new EnumMap<>(Service.defaultSeverityPriorities());
    if (body.severityPriorities() != null) {
      body.severityPriorities().forEach((word, priority) -> {
        Severity severity = Severity.fromWire(word == null ? null : word.toLowerCase(Locale.ROOT));
        if (severity == null) {
          check.add("severityPriorities",
              "'" + word + "' is not one of critical, error, warning, info");
          return;
        }
        priorities.put(severity, priority == null || priority.isBlank() ? null
            : check.oneOf("severityPriorities." + severity.wire(), priority, Priority.class,
                null));
      });
    }
    check.throwIfAny();
    return new Service(id, body.name().trim(), body.description(), null, body.teamId(),
        body.escalationPolicyId(), body.opensIncidents() == null || body.opensIncidents(),
        priorities, body.ackTimeoutMinutes());
  }

  private static Conflict taken(ServiceDraft draft) {
    return new Conflict("a service named " + draft.name() + " already exists");
  }
}
