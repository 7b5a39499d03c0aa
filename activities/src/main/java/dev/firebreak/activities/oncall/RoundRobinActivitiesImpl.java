package dev.firebreak.activities.oncall;

import dev.firebreak.workflows.escalation.RoundRobinActivities;
import org.springframework.stereotype.Component;

/** Round-robin turns from PostgreSQL; on the on-call worker. */
@Component("roundRobinActivities")
public class RoundRobinActivitiesImpl implements RoundRobinActivities {

  private final RoundRobinStore store;

  public RoundRobinActivitiesImpl(RoundRobinStore store) {
    this.store = store;
  }

  @Override
  public long roundRobinTurn(long policyId, int step, long incidentId) {
    return store.take(policyId, step, incidentId);
  }
}
