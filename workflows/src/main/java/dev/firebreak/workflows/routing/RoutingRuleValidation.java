package dev.firebreak.workflows.routing;

import dev.firebreak.workflows.alert.Severity;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.validation.InvalidInput;
import dev.firebreak.workflows.validation.Problems;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The rules of a routing rule list, as pure functions: conditions with a JSON Pointer and a known
 * operator (a regex that compiles), a time window in a real zone, actions that name a severity,
 * a priority and a service that exist. Whether a service exists is asked of the caller.
 */
public final class RoutingRuleValidation {

  static final Set<String> OPS = Set.of("equals", "contains", "regex", "exists");
  static final Set<String> DAYS = Set.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

  private RoutingRuleValidation() {}

  /** The rules as given, or {@link InvalidInput} naming every wrong field of every rule. */
  public static List<RoutingRule> validate(List<RoutingRule> rules, LongPredicate serviceExists) {
    List<RoutingRule> list = rules == null ? List.of() : rules;
    Problems problems = new Problems();
    for (int i = 0; i < list.size(); i++) {
      check(problems, "rules[" + i + "]", list.get(i), serviceExists);
    }
    problems.throwIfAny();
    return list;
  }

  static void check(Problems problems, String at, RoutingRule rule, LongPredicate serviceExists) {
    if (rule == null) {
      problems.add(at, "is required");
      return;
    }
    problems.maxLength(at + ".name", rule.name(), 255);
    if (rule.conditions() != null) {
      for (int j = 0; j < rule.conditions().size(); j++) {
        condition(problems, at + ".conditions[" + j + "]", rule.conditions().get(j));
      }
    }
    if (rule.timeWindow() != null) {
      timeWindow(problems, at + ".timeWindow", rule.timeWindow());
    }
    RoutingRule.Actions a = rule.actions();
    if (a == null) {
      problems.add(at + ".actions", "is required");
      return;
    }
    if (a.serviceId() != null && !serviceExists.test(a.serviceId())) {
      problems.add(at + ".actions.serviceId", "no service " + a.serviceId());
    }
    if (a.severity() != null && Severity.fromWire(a.severity()) == null) {
      problems.add(at + ".actions.severity",
          "'" + a.severity() + "' is not one of critical, error, warning, info");
    }
    if (a.priority() != null && !a.priority().equals("NONE")) {
      try {
        Priority.valueOf(a.priority());
      } catch (IllegalArgumentException e) {
        problems.add(at + ".actions.priority",
            "'" + a.priority() + "' is not one of P1..P5, NONE");
      }
    }
  }

  static void condition(Problems problems, String f, RoutingRule.Condition c) {
    if (c == null) {
      problems.add(f, "is required");
      return;
    }
    if (c.field() == null || c.field().isBlank()) {
      problems.add(f + ".field", "is required: a JSON Pointer such as /payload/summary");
    }
    String op = c.op() == null ? null : c.op().toLowerCase(Locale.ROOT);
    if (op == null || !OPS.contains(op)) {
      problems.add(f + ".op", "'" + c.op() + "' is not one of " + OPS);
    } else if (!op.equals("exists") && c.value() == null) {
      problems.add(f + ".value", "is required for " + op);
    } else if (op.equals("regex")) {
      try {
        Pattern.compile(c.value());
      } catch (PatternSyntaxException e) {
        problems.add(f + ".value", "is not a valid regular expression");
      }
    }
  }

  static void timeWindow(Problems problems, String at, RoutingRule.TimeWindow w) {
    try {
      ZoneId.of(w.timeZone() == null ? "UTC" : w.timeZone());
    } catch (RuntimeException e) {
      problems.add(at + ".timeZone", "'" + w.timeZone() + "' is not a time zone");
    }
    for (String[] t : new String[][] {{"from", w.from()}, {"to", w.to()}}) {
      try {
        LocalTime.parse(String.valueOf(t[1]));
      } catch (DateTimeParseException e) {
        problems.add(at + "." + t[0], "'" + t[1] + "' is not a time HH:mm");
      }
    }
    if (w.days() != null) {
      for (String d : w.days()) {
        if (d == null || !DAYS.contains(d.toUpperCase(Locale.ROOT))) {
          problems.add(at + ".days", "'" + d + "' is not one of " + DAYS);
        }
      }
    }
  }
}
