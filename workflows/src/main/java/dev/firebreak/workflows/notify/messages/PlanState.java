package dev.firebreak.workflows.notify.messages;

import java.util.List;

/** A plan as it stands: each rule's state ({@code PENDING}, {@code SENT}, ...) in rule order. */
public record PlanState(String phase, List<RuleState> rules) {

  /** One rule: its key, state and what the last outcome said. */
  public record RuleState(String key, String state, String detail) {}
}
