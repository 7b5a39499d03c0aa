package dev.firebreak.api.routing;

import dev.firebreak.activities.routing.RoutingRules;
import dev.firebreak.workflows.routing.RoutingRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
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

  public record Rules(List<RoutingRule> rules) {}

  private final RoutingRules rules;

  public RoutingRuleController(RoutingRules rules) {
    this.rules = rules;
  }

  @GetMapping
  @Operation(summary = "The ordered routing rules of the service's integration key")
  public Rules get(@PathVariable long serviceId) {
    return new Rules(rules.rules(serviceId));
  }

  @PutMapping
  @Operation(summary = "Replace the routing rules",
      description = "conditions: {field: JSON Pointer into the event in PagerDuty's shape, op:"
          + " equals|contains|regex|exists, value}; timeWindow: {days: [MON..SUN], from: HH:mm,"
          + " to: HH:mm, timeZone}; actions: {serviceId, severity, priority: P1..P5|NONE,"
          + " suppress}")
  public Rules put(@PathVariable long serviceId, @RequestBody Rules body) {
    return new Rules(rules.replace(serviceId, body.rules()));
  }
}
