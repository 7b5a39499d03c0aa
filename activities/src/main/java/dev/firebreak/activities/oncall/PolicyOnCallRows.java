package dev.firebreak.activities.oncall;

import dev.firebreak.activities.directory.TeamStore;
import dev.firebreak.activities.directory.UserStore;
import dev.firebreak.workflows.escalation.EscalationActivities;
import dev.firebreak.workflows.escalation.EscalationPolicy;
import dev.firebreak.workflows.escalation.Recipient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Every escalation policy's steps, each target resolved to whom it would page at an instant. */
@Component
public class PolicyOnCallRows implements OnCallRows {

  private final EscalationPolicyStore policies;
  private final ScheduleStore schedules;
  private final UserStore users;
  private final TeamStore teams;
  private final EscalationActivities escalation;

  public PolicyOnCallRows(EscalationPolicyStore policies, ScheduleStore schedules,
      UserStore users, TeamStore teams, EscalationActivities escalation) {
    this.policies = policies;
    this.schedules = schedules;
    this.users = users;
    this.teams = teams;
    this.escalation = escalation;
  }

  @Override
  public List<Row> at(Instant at) {
    List<Row> rows = new ArrayList<>();
    for (EscalationPolicy policy : policies.list()) {
      for (int level = 0; level < policy.steps().size(); level++) {
        for (EscalationPolicy.Target target : policy.steps().get(level).targets()) {
          List<String> people = target.type() == EscalationPolicy.TargetType.PAGERDUTY
              ? List.of()
              : escalation.resolve(List.of(target), at).stream().map(Recipient::name).toList();
          rows.add(new Row(policy.name(), level + 1, label(target), people));
        }
      }
    }
    return rows;
  }

  private String label(EscalationPolicy.Target target) {
    return switch (target.type()) {
      case USER -> "user " + users.find(target.id()).map(u -> u.name()).orElse("#" + target.id());
      case SCHEDULE -> "schedule "
          + schedules.find(target.id()).map(s -> s.name()).orElse("#" + target.id());
      case TEAM -> "team " + teams.find(target.id()).map(t -> t.name()).orElse("#" + target.id());
      case PAGERDUTY -> "PagerDuty service " + target.pagerdutyServiceId();
    };
  }
}
