package dev.firebreak.activities.oncall;

import java.time.Instant;
import java.util.List;

/** Firebreak's own on-call, per escalation policy and level (step), for pages such as Confluence's. */
@FunctionalInterface
public interface OnCallRows {

  /** One target of one step: {@code target} names it ("Primary schedule"), {@code people} who it pages. */
  record Row(String policy, int level, String target, List<String> people) {}

  List<Row> at(Instant at);
}
