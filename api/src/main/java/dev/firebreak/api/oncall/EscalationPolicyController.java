package dev.firebreak.api.oncall;

import dev.firebreak.activities.directory.TeamStore;
import dev.firebreak.activities.directory.UserStore;
import dev.firebreak.activities.oncall.EscalationPolicyStore;
import dev.firebreak.activities.oncall.EscalationSimulator;
import dev.firebreak.activities.oncall.ScheduleStore;
import dev.firebreak.api.problem.ApiException;
import dev.firebreak.api.problem.Checker;
import dev.firebreak.workflows.escalation.EscalationPolicy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
@RequestMapping("/api/v1/escalation-policies")
@Tag(name = "Escalation policies", description = "Who is paged, in which order, and the simulator")
public class EscalationPolicyController {

  static final int MAX_STEPS = 20;
  static final int MAX_TARGETS = 50;
  static final int MAX_DELAY_MINUTES = 1440;

  /** {@code id} of a user, schedule or team; {@code pagerdutyServiceId} for type pagerduty. */
  public record TargetRequest(String type, Long id, String pagerdutyServiceId) {}

  public record StepRequest(Integer delayMinutes, List<TargetRequest> targets) {}

  public record PolicyRequest(String name, Integer repeat, List<StepRequest> steps) {}

  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  public record TargetView(String type, Long id, String pagerdutyServiceId) {}

  public record StepView(int delayMinutes, List<TargetView> targets) {}

  public record PolicyView(long id, String name, int repeat, List<StepView> steps) {
    static PolicyView of(EscalationPolicy p) {
      return new PolicyView(p.id(), p.name(), p.repeat(), p.steps().stream()
          .map(s -> new StepView(s.delayMinutes(), s.targets().stream()
              .map(t -> t.type() == EscalationPolicy.TargetType.PAGERDUTY
                  ? new TargetView("pagerduty", null, t.pagerdutyServiceId())
                  : new TargetView(t.type().name().toLowerCase(Locale.ROOT), t.id(), null))
              .toList()))
          .toList());
    }
  }

  public record SimulateRequest(Instant at, Integer ackAfterMinutes) {}

  private final EscalationPolicyStore policies;
  private final UserStore users;
  private final ScheduleStore schedules;
  private final TeamStore teams;
  private final EscalationSimulator simulator;

  public EscalationPolicyController(EscalationPolicyStore policies, UserStore users,
      ScheduleStore schedules, TeamStore teams, EscalationSimulator simulator) {
    this.policies = policies;
    this.users = users;
    this.schedules = schedules;
    this.teams = teams;
    this.simulator = simulator;
  }

  @PostMapping
  @Operation(summary = "Create an escalation policy")
  public ResponseEntity<PolicyView> create(@RequestBody PolicyRequest body) {
    EscalationPolicy policy = validate(0, body);
    try {
      PolicyView created = PolicyView.of(policies.create(policy));
      return ResponseEntity.created(URI.create("/api/v1/escalation-policies/" + created.id()))
          .body(created);
    } catch (DuplicateKeyException e) {
      throw conflict(policy);
    }
  }

  @GetMapping
  public List<PolicyView> list() {
    return policies.list().stream().map(PolicyView::of).toList();
  }

  @GetMapping("/{id}")
  public PolicyView get(@PathVariable long id) {
    return PolicyView.of(find(id));
  }

  @PutMapping("/{id}")
  public PolicyView update(@PathVariable long id, @RequestBody PolicyRequest body) {
    EscalationPolicy policy = validate(id, body);
    try {
      if (!policies.update(policy)) {
        throw notFound(id);
      }
    } catch (DuplicateKeyException e) {
      throw conflict(policy);
    }
    return PolicyView.of(policy);
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Delete a policy", description = "services using it are left without one")
  public ResponseEntity<Void> delete(@PathVariable long id) {
    if (!policies.delete(id)) {
      throw notFound(id);
    }
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/simulate")
  @Operation(summary = "Who would be paged, and when",
      description = "Runs the real escalation workflow on Temporal's time-skipping test server"
          + " against the real schedules, with recording notifications")
  public EscalationSimulator.Simulation simulate(@PathVariable long id,
      @RequestBody(required = false) SimulateRequest body) {
    EscalationPolicy policy = find(id);
    SimulateRequest request = body == null ? new SimulateRequest(null, null) : body;
    Checker check = new Checker();
    check.range("ackAfterMinutes", request.ackAfterMinutes(), 0, 7 * 1440);
    check.done();
    return simulator.simulate(policy,
        request.at() == null ? Instant.now() : request.at(), request.ackAfterMinutes());
  }

  private EscalationPolicy find(long id) {
    return policies.find(id).orElseThrow(() -> notFound(id));
  }

  private EscalationPolicy validate(long id, PolicyRequest body) {
    Checker check = new Checker();
    check.require("name", body.name());
    check.maxLength("name", body.name(), 255);
    check.range("repeat", body.repeat(), 0, 5);
    List<StepRequest> stepRequests = body.steps() == null ? List.of() : body.steps();
    if (stepRequests.isEmpty()) {
      check.problem("steps", "give at least one step");
    } else if (stepRequests.size() > MAX_STEPS) {
      check.problem("steps", "at most " + MAX_STEPS + " steps");
    }
    List<EscalationPolicy.Step> steps = new ArrayList<>();
    for (int i = 0; i < stepRequests.size(); i++) {
      String field = "steps[" + i + "]";
      StepRequest s = stepRequests.get(i);
      if (s == null) {
        check.problem(field, "is required");
        continue;
      }
      check.require(field + ".delayMinutes", s.delayMinutes());
      check.range(field + ".delayMinutes", s.delayMinutes(), 1, MAX_DELAY_MINUTES);
      List<TargetRequest> targets = s.targets() == null ? List.of() : s.targets();
      if (targets.isEmpty()) {
        check.problem(field + ".targets", "give at least one target");
      } else if (targets.size() > MAX_TARGETS) {
        check.problem(field + ".targets", "at most " + MAX_TARGETS + " targets");
      }
      List<EscalationPolicy.Target> valid = new ArrayList<>();
      for (int j = 0; j < targets.size(); j++) {
        EscalationPolicy.Target target = target(check, field + ".targets[" + j + "]",
            targets.get(j));
        if (target != null) {
          valid.add(target);
        }
      }
      if (s.delayMinutes() != null) {
        steps.add(new EscalationPolicy.Step(s.delayMinutes(), valid));
      }
    }
    check.done();
    return new EscalationPolicy(id, body.name().trim(), body.repeat() == null ? 0 : body.repeat(),
        steps);
  }

  private EscalationPolicy.Target target(Checker check, String field, TargetRequest t) {
    if (t == null) {
      check.problem(field, "is required");
      return null;
    }
    check.require(field + ".type", t.type());
    EscalationPolicy.TargetType type =
        check.oneOf(field + ".type", t.type(), EscalationPolicy.TargetType.class, null);
    if (type == EscalationPolicy.TargetType.PAGERDUTY) {
      String service = t.pagerdutyServiceId() == null ? null : t.pagerdutyServiceId().trim();
      if (service == null || !service.matches("[A-Za-z0-9]{1,32}")) {
        check.problem(field + ".pagerdutyServiceId",
            "a pagerduty target needs a PagerDuty service id (letters and digits)");
        return null;
      }
      return new EscalationPolicy.Target(type, 0, service);
    }
    check.require(field + ".id", t.id());
    if (type == null || t.id() == null) {
      return null;
    }
    boolean exists = switch (type) {
      case USER -> users.find(t.id()).isPresent();
      case SCHEDULE -> schedules.find(t.id()).isPresent();
      case TEAM -> teams.find(t.id()).isPresent();
      case PAGERDUTY -> true;
    };
    if (!exists) {
      check.problem(field + ".id", "no " + type.name().toLowerCase(Locale.ROOT) + " " + t.id());
      return null;
    }
    return new EscalationPolicy.Target(type, t.id());
  }

  private static ApiException conflict(EscalationPolicy policy) {
    return ApiException.conflict("an escalation policy named " + policy.name()
        + " already exists");
  }

  private static ApiException notFound(long id) {
    return ApiException.notFound("no escalation policy " + id);
  }
}
