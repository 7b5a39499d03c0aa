package dev.firebreak.activities.integrations.pagerduty;

import dev.firebreak.activities.integrations.pagerduty.PagerDutyStore.OnCall;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * PagerDuty's on-call for everyone, from the last sync's copy, grouped as PagerDuty shows it: by
 * escalation policy, then level, in the store's order.
 */
@Component
public class PagerDutyOnCalls {

  /** One person on call at one level of a policy. */
  public record OnCallPerson(
      String userId, String name, String email, Long firebreakUserId, String scheduleId,
      String scheduleName, Instant start, Instant end) {}

  public record OnCallLevel(int level, List<OnCallPerson> onCall) {}

  public record OnCallPolicy(String escalationPolicyId, String name, List<OnCallLevel> levels) {}

  private final PagerDutyStore store;

  public PagerDutyOnCalls(PagerDutyStore store) {
    this.store = store;
  }

  public List<OnCallPolicy> byPolicy() {
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, Map<Integer, List<OnCallPerson>>> levels = new LinkedHashMap<>();
    for (OnCall o : store.onCalls()) {
      names.putIfAbsent(o.escalationPolicyId(), o.escalationPolicyName());
      levels.computeIfAbsent(o.escalationPolicyId(), k -> new LinkedHashMap<>())
          .computeIfAbsent(o.escalationLevel(), k -> new ArrayList<>())
          .add(new OnCallPerson(o.userId(), o.userName(), o.userEmail(), o.firebreakUserId(),
              o.scheduleId(), o.scheduleName(), o.start(), o.end()));
    }
    List<OnCallPolicy> result = new ArrayList<>();
    names.forEach((id, name) -> result.add(new OnCallPolicy(id, name,
        levels.get(id).entrySet().stream()
            .map(e -> new OnCallLevel(e.getKey(), e.getValue()))
            .toList())));
    return result;
  }
}
