package dev.firebreak.activities.slack;

import dev.firebreak.activities.directory.Service;
import dev.firebreak.activities.directory.ServiceStore;
import dev.firebreak.activities.oncall.EscalationPolicyStore;
import dev.firebreak.workflows.escalation.EscalationActivities;
import dev.firebreak.workflows.escalation.EscalationPolicy;
import dev.firebreak.workflows.escalation.Recipient;
import dev.firebreak.workflows.slack.InviteRequest;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The people on call for the incident's service: whoever the first step of the service's
 * escalation policy pages right now (schedules resolved to who is on call, teams to their members).
 */
@Component
public class OnCallInviteProvider implements InviteProvider {

  private final ServiceStore services;
  private final EscalationPolicyStore policies;
  private final EscalationActivities escalation;
  private final Clock clock;

  @Autowired
  public OnCallInviteProvider(
      ServiceStore services, EscalationPolicyStore policies, EscalationActivities escalation) {
    this(services, policies, escalation, Clock.systemUTC());
  }

  OnCallInviteProvider(ServiceStore services, EscalationPolicyStore policies,
      EscalationActivities escalation, Clock clock) {
    this.services = services;
    this.policies = policies;
    this.escalation = escalation;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "on-call";
  }

  @Override
  public List<String> responders(InviteRequest request) {
    if (request.serviceId() == null) {
      return List.of();
    }
    EscalationPolicy policy = services.find(request.serviceId())
        .map(Service::escalationPolicyId)
        .flatMap(policies::find)
        .orElse(null);
    if (policy == null || policy.steps().isEmpty()) {
      return List.of();
    }
    List<EscalationPolicy.Target> people = policy.steps().get(0).targets().stream()
        .filter(t -> t.type() != EscalationPolicy.TargetType.PAGERDUTY)
        .toList();
    return escalation.resolve(people, clock.instant()).stream()
        .map(Recipient::slackUserId)
        .filter(Objects::nonNull)
        .toList();
  }
}
