package dev.firebreak.activities.oncall;

import dev.firebreak.activities.directory.ServiceStore;
import dev.firebreak.activities.directory.TeamStore;
import dev.firebreak.activities.directory.User;
import dev.firebreak.activities.directory.UserStore;
import dev.firebreak.workflows.escalation.EscalationActivities;
import dev.firebreak.workflows.escalation.EscalationPolicy;
import dev.firebreak.workflows.escalation.EscalationTrigger;
import dev.firebreak.workflows.escalation.Recipient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Reads services, policies, schedules and teams for escalations; on the on-call worker. */
@Component("escalationActivities")
public class EscalationActivitiesImpl implements EscalationActivities {

  private final ServiceStore services;
  private final EscalationPolicyStore policies;
  private final OnCallLookup onCall;
  private final TeamStore teams;
  private final UserStore users;

  public EscalationActivitiesImpl(ServiceStore services, EscalationPolicyStore policies,
      OnCallLookup onCall, TeamStore teams, UserStore users) {
    this.services = services;
    this.policies = policies;
    this.onCall = onCall;
    this.teams = teams;
    this.users = users;
  }

  @Override
  public EscalationTrigger escalationFor(long serviceId) {
    return services.find(serviceId)
        .filter(s -> s.escalationPolicyId() != null)
        .map(s -> new EscalationTrigger(s.escalationPolicyId(), s.ackTimeoutMinutes()))
        .orElse(null);
  }

  @Override
  public EscalationPolicy policy(long policyId) {
    return policies.find(policyId).orElse(null);
  }

  @Override
  public List<Recipient> resolve(List<EscalationPolicy.Target> targets, Instant at) {
    Set<Long> ids = new LinkedHashSet<>();
    for (EscalationPolicy.Target target : targets) {
      switch (target.type()) {
        case USER -> ids.add(target.id());
        case TEAM -> ids.addAll(teams.members(target.id()));
        case SCHEDULE -> ids.addAll(onCall.userIdsAt(target.id(), at));
        case PAGERDUTY -> {
          // paged through PagerDuty by the escalation workflow, not a Firebreak user
        }
      }
    }
    Map<Long, User> found = users.findAll(new ArrayList<>(ids)).stream()
        .collect(Collectors.toMap(User::id, Function.identity()));
    List<Recipient> recipients = new ArrayList<>();
    for (Long id : ids) {
      User user = found.get(id);
      if (user != null) {
        recipients.add(new Recipient(user.id(), user.name(), user.slackUserId()));
      }
    }
    return recipients;
  }
}
