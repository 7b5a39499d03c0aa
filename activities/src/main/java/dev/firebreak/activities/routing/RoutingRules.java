package dev.firebreak.activities.routing;

import dev.firebreak.activities.directory.ServiceStore;
import dev.firebreak.workflows.routing.RoutingRule;
import dev.firebreak.workflows.routing.RoutingRuleValidation;
import dev.firebreak.workflows.validation.NotFound;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The application service of routing rules: a service's ordered list, checked by {@link
 * RoutingRuleValidation}, replaced whole, and applied to the next event at once (the routing
 * cache forgets the service).
 */
@Component
public class RoutingRules {

  private final RoutingRuleStore store;
  private final ServiceStore services;
  private final RoutingCache cache;

  public RoutingRules(RoutingRuleStore store, ServiceStore services, RoutingCache cache) {
    this.store = store;
    this.services = services;
    this.cache = cache;
  }

  public List<RoutingRule> rules(long serviceId) {
    requireService(serviceId);
    return store.rules(serviceId);
  }

  public List<RoutingRule> replace(long serviceId, List<RoutingRule> rules) {
    requireService(serviceId);
    List<RoutingRule> valid =
        RoutingRuleValidation.validate(rules, id -> services.find(id).isPresent());
    store.replace(serviceId, valid);
    cache.invalidate(serviceId);
    return store.rules(serviceId);
  }

  private void requireService(long id) {
    if (services.find(id).isEmpty()) {
      throw new NotFound("no service " + id);
    }
  }
}
