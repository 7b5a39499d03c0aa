package dev.firebreak.api.routing;

import dev.firebreak.activities.directory.ServiceStore;
import dev.firebreak.activities.directory.Severity;
import dev.firebreak.activities.routing.RoutingRule;
import dev.firebreak.activities.routing.RoutingRuleStore;
import dev.firebreak.activities.alert.intake.RoutingCache;
import dev.firebreak.api.problem.ApiException;
import dev.firebreak.api.problem.Checker;
import dev.firebreak.workflows.incident.messages.Priority;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The routing rules of a routing key (the service's integration key): an ordered list, the first
 * match decides, otherwise the service itself takes the event. Replaced whole.
 */
@RestController
@RequestMapping("/api/v1/services/{serviceId}/routing-rules")
@Tag(name = "Routing rules", description = "Route, re-rate or suppress events by their content")
public class RoutingRuleController {

  static final Set<String> OPS = Set.of("equals", "contains", "regex", "exists");
  static final Set<String> DAYS = Set.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

  public record Rules(List<RoutingRule> rules) {}

  private final RoutingRuleStore store;
  private final ServiceStore services;
  private final RoutingCache cache;

  public RoutingRuleController(RoutingRuleStore store, ServiceStore services, RoutingCache cache) {
    this.store = store;
    this.services = services;
    this.cache = cache;
  }

  @GetMapping
  @Operation(summary = "The ordered routing rules of the service's integration key")
  public Rules get(@PathVariable long serviceId) {
    service(serviceId);
    return new Rules(store.rules(serviceId));
  }

  @PutMapping
  @Operation(summary = "Replace the routing rules",
      description = "conditions: {field: JSON Pointer into the event in PagerDuty's shape, op:"
          + " equals|contains|regex|exists, value}; timeWindow: {days: [MON..SUN], from: HH:mm,"
          + " to: HH:mm, timeZone}; actions: {serviceId, severity, priority: P1..P5|NONE,"
          + " suppress}")
  public Rules put(@PathVariable long serviceId, @RequestBody Rules body) {
    service(serviceId);
    Checker check = new Checker();
    List<RoutingRule> rules = body.rules() == null ? List.of() : body.rules();
    for (int i = 0; i < rules.size(); i++) {
      check(check, "rules[" + i + "]", rules.get(i));
    }
    check.done();
    store.replace(serviceId, rules);
    cache.invalidate(serviceId);
    return new Rules(store.rules(serviceId));
  }

  private void check(Checker check, String at, RoutingRule rule) {
    if (rule == null) {
      check.problem(at, "is required");
      return;
    }
    check.maxLength(at + ".name", rule.name(), 255);
    if (rule.conditions() != null) {
      for (int j = 0; j < rule.conditions().size(); j++) {
        RoutingRule.Condition c = rule.conditions().get(j);
        String f = at + ".conditions[" + j + "]";
        if (c.field() == null || c.field().isBlank()) {
          check.problem(f + ".field", "is required: a JSON Pointer such as /payload/summary");
        }
        String op = c.op() == null ? null : c.op().toLowerCase(Locale.ROOT);
        if (op == null || !OPS.contains(op)) {
          check.problem(f + ".op", "'" + c.op() + "' is not one of " + OPS);
        } else if (!op.equals("exists") && c.value() == null) {
          check.problem(f + ".value", "is required for " + op);
        } else if (op.equals("regex")) {
          try {
            Pattern.compile(c.value());
          } catch (PatternSyntaxException e) {
            check.problem(f + ".value", "is not a valid regular expression");
          }
        }
      }
    }
    RoutingRule.TimeWindow w = rule.timeWindow();
    if (w != null) {
      try {
        ZoneId.of(w.timeZone() == null ? "UTC" : w.timeZone());
      } catch (RuntimeException e) {
        check.problem(at + ".timeWindow.timeZone", "'" + w.timeZone() + "' is not a time zone");
      }
      for (String[] t : new String[][] {{"from", w.from()}, {"to", w.to()}}) {
        try {
          LocalTime.parse(String.valueOf(t[1]));
        } catch (DateTimeParseException e) {
          check.problem(at + ".timeWindow." + t[0], "'" + t[1] + "' is not a time HH:mm");
        }
      }
      if (w.days() != null) {
        for (String d : w.days()) {
          if (d == null || !DAYS.contains(d.toUpperCase(Locale.ROOT))) {
            check.problem(at + ".timeWindow.days", "'" + d + "' is not one of " + DAYS);
          }
        }
      }
    }
    RoutingRule.Actions a = rule.actions();
    if (a == null) {
      check.problem(at + ".actions", "is required");
      return;
    }
    if (a.serviceId() != null && services.find(a.serviceId()).isEmpty()) {
      check.problem(at + ".actions.serviceId", "no service " + a.serviceId());
    }
    if (a.severity() != null && Severity.fromWire(a.severity()) == null) {
      check.problem(at + ".actions.severity",
          "'" + a.severity() + "' is not one of critical, error, warning, info");
    }
    if (a.priority() != null && !a.priority().equals("NONE")) {
      try {
        Priority.valueOf(a.priority());
      } catch (IllegalArgumentException e) {
        check.problem(at + ".actions.priority", "'" + a.priority() + "' is not one of P1..P5, NONE");
      }
    }
  }

  private void service(long id) {
    if (services.find(id).isEmpty()) {
      throw ApiException.notFound("no service " + id);
    }
  }
}
