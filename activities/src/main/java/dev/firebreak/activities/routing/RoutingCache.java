package dev.firebreak.activities.routing;

import dev.firebreak.activities.directory.Service;
import dev.firebreak.activities.directory.ServiceStore;
import dev.firebreak.workflows.routing.RoutingRule;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Services by integration key, and routing rules by service, kept for a short time so that a storm
 * does not cost two queries per event. Rules changed through this process apply at once; other
 * changes (another replica, a service's severity mapping) within {@code
 * firebreak.alerts.routing-cache-ms} (default 1000; 0 switches the cache off). Unknown keys are
 * never cached.
 */
@Component
public class RoutingCache {

  private record Entry<T>(T value, long expiresAt) {}

  private final ServiceStore services;
  private final RoutingRuleStore rules;
  private final long ttlMillis;
  private final ConcurrentHashMap<String, Entry<Service>> byKey = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Long, Entry<Service>> byId = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Long, Entry<List<RoutingRule>>> rulesById =
      new ConcurrentHashMap<>();

  public RoutingCache(ServiceStore services, RoutingRuleStore rules,
      @Value("${firebreak.alerts.routing-cache-ms:1000}") long ttlMillis) {
    this.services = services;
    this.rules = rules;
    this.ttlMillis = ttlMillis;
  }

  public Optional<Service> serviceByIntegrationKey(String key) {
    return Optional.ofNullable(get(byKey, key,
        () -> services.findByIntegrationKey(key).orElse(null)));
  }

  public Optional<Service> service(long id) {
    return Optional.ofNullable(get(byId, id, () -> services.find(id).orElse(null)));
  }

  public List<RoutingRule> rules(long serviceId) {
    return get(rulesById, serviceId, () -> rules.rules(serviceId));
  }

  /** Forgets what is known of the service: its rules changed. */
  public void invalidate(long serviceId) {
    rulesById.remove(serviceId);
    byId.remove(serviceId);
    byKey.values().removeIf(e -> e.value().id() == serviceId);
  }

  private <K, T> T get(ConcurrentHashMap<K, Entry<T>> map, K key, Supplier<T> load) {
    long now = System.currentTimeMillis();
    Entry<T> entry = map.get(key);
    if (entry != null && entry.expiresAt() > now) {
      return entry.value();
    }
    T value = load.get();
    if (value != null && ttlMillis > 0) {
      map.put(key, new Entry<>(value, now + ttlMillis));
    }
    return value;
  }
}
