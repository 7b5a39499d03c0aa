package dev.firebreak.activities.oncall;

import dev.firebreak.activities.directory.TeamStore;
import dev.firebreak.activities.directory.UserStore;
import dev.firebreak.workflows.escalation.EscalationPolicy;
import dev.firebreak.workflows.escalation.EscalationPolicy.TargetType;
import dev.firebreak.workflows.escalation.EscalationPolicyDraft;
import dev.firebreak.workflows.escalation.EscalationPolicyValidation;
import dev.firebreak.workflows.validation.Conflict;
import dev.firebreak.workflows.validation.NotFound;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The application service of escalation policies: the policy's own rules ({@link
 * EscalationPolicyValidation}) with the targets looked up in the directory, then the store.
 */
@Component
public class EscalationPolicies {

  private final EscalationPolicyStore policies;
  private final UserStore users;
  private final ScheduleStore schedules;
  private final TeamStore teams;

  public EscalationPolicies(EscalationPolicyStore policies, UserStore users,
      ScheduleStore schedules, TeamStore teams) {
    this.policies = policies;
    this.users = users;
    this.schedules = schedules;
    this.teams = teams;
  }

  public EscalationPolicy create(EscalationPolicyDraft draft) {
    EscalationPolicy policy = EscalationPolicyValidation.normalize(0, draft, this::exists);
    try {
      return policies.create(policy);
    } catch (DuplicateKeyException e) {
      throw taken(policy);
    }
  }

  public List<EscalationPolicy> list() {
    return policies.list();
  }

  public EscalationPolicy get(long id) {
    return policies.find(id).orElseThrow(() -> notFound(id));
  }

  public EscalationPolicy update(long id, EscalationPolicyDraft draft) {
    EscalationPolicy policy = EscalationPolicyValidation.normalize(id, draft, this::exists);
    try {
      if (!policies.update(policy)) {
        throw notFound(id);
      }
    } catch (DuplicateKeyException e) {
      throw taken(policy);
    }
    return policy;
  }

  /** Services that used it are left without one. */
  public void delete(long id) {
    if (!policies.delete(id)) {
      throw notFound(id);
    }
  }

  private boolean exists(TargetType type, long id) {
    return switch (type) {
      case USER -> users.find(id).isPresent();
      case SCHEDULE -> schedules.find(id).isPresent();
      case TEAM -> teams.find(id).isPresent();
      case PAGERDUTY -> true;
    };
  }

  private static Conflict taken(EscalationPolicy policy) {
    return new Conflict("an escalation policy named " + policy.name() + " already exists");
  }

  private static NotFound notFound(long id) {
    return new NotFound("no escalation policy " + id);
  }
}
