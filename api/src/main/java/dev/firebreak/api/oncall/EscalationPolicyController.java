package dev.firebreak.api.oncall;

import dev.firebreak.activities.oncall.EscalationPolicies;
import dev.firebreak.activities.oncall.EscalationSimulator;
import dev.firebreak.api.problem.Checker;
import dev.firebreak.workflows.escalation.EscalationPolicy;
import dev.firebreak.workflows.escalation.EscalationPolicyDraft;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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

  private final EscalationPolicies policies;
  private final EscalationSimulator simulator;

  public EscalationPolicyController(EscalationPolicies policies, EscalationSimulator simulator) {
    this.policies = policies;
    this.simulator = simulator;
  }

  @PostMapping
  @Operation(summary = "Create an escalation policy")
  public ResponseEntity<PolicyView> create(@RequestBody EscalationPolicyDraft body) {
    PolicyView created = PolicyView.of(policies.create(body));
    return ResponseEntity.created(URI.create("/api/v1/escalation-policies/" + created.id()))
        .body(created);
  }

  @GetMapping
  public List<PolicyView> list() {
    return policies.list().stream().map(PolicyView::of).toList();
  }

  @GetMapping("/{id}")
  public PolicyView get(@PathVariable long id) {
    return PolicyView.of(policies.get(id));
  }

  @PutMapping("/{id}")
  public PolicyView update(@PathVariable long id, @RequestBody EscalationPolicyDraft body) {
    return PolicyView.of(policies.update(id, body));
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Delete a policy", description = "services using it are left without one")
  public ResponseEntity<Void> delete(@PathVariable long id) {
    policies.delete(id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/simulate")
  @Operation(summary = "Who would be paged, and when",
      description = "Runs the real escalation workflow on Temporal's time-skipping test server"
          + " against the real schedules, with recording notifications")
  public EscalationSimulator.Simulation simulate(@PathVariable long id,
      @RequestBody(required = false) SimulateRequest body) {
    EscalationPolicy policy = policies.get(id);
    SimulateRequest request = body == null ? new SimulateRequest(null, null) : body;
    Checker check = new Checker();
    check.range("ackAfterMinutes", request.ackAfterMinutes(), 0, 7 * 1440);
    check.done();
    return simulator.simulate(policy,
        request.at() == null ? Instant.now() : request.at(), request.ackAfterMinutes());
  }
}
