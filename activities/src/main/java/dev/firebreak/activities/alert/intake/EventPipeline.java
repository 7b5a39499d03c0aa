package dev.firebreak.activities.alert.intake;

import dev.firebreak.activities.alert.AlertStore;
import dev.firebreak.activities.directory.Service;
import dev.firebreak.workflows.alert.Severity;
import dev.firebreak.workflows.routing.RoutingRule;
import dev.firebreak.activities.routing.RoutingCache;
import dev.firebreak.activities.routing.RuleEngine;
import dev.firebreak.workflows.alert.messages.AlertEvent;
import dev.firebreak.workflows.incident.messages.Priority;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/**
 * Where every incoming event goes, whatever door it came through: the routing rules of its
 * routing key decide the service, severity and priority, or suppress it (recorded, no alert);
 * then it is queued for its alert group.
 */
@Component
public class EventPipeline {

  /** Custom details kept per event: enough to debug, small enough to batch. */
  static final int DETAILS_MAX = 2_048;

  /** What routing decided for one event. {@code priority} null: an alert only. */
  public record Decision(
      long serviceId, String dedupKey, InboundEvent event, String severity, Priority priority,
      boolean suppressed, String ruleName) {}

  private final RoutingCache routing;
  private final AlertStore alerts;
  private final AlertIngestor ingestor;
  private final Clock clock = Clock.systemUTC();

  public EventPipeline(RoutingCache routing, AlertStore alerts, AlertIngestor ingestor) {
    this.routing = routing;
    this.alerts = alerts;
    this.ingestor = ingestor;
  }

  /** Applies the routing rules of {@code service}; changes nothing. */
  public Decision decide(Service service, InboundEvent event) {
    List<RoutingRule> list = routing.rules(service.id());
    Optional<RoutingRule> match = RuleEngine.firstMatch(list, event.body(), clock.instant());
    Service target = service;
    String severity = event.severity();
    Priority priority = null;
    boolean priorityGiven = false;
    boolean suppressed = false;
    if (match.isPresent() && match.get().actions() != null) {
      RoutingRule.Actions a = match.get().actions();
      if (a.serviceId() != null) {
        target = routing.service(a.serviceId()).orElse(service);
      }
      if (a.severity() != null && severity != null) {
        severity = a.severity();
      }
      if (a.priority() != null) {
        priorityGiven = true;
        priority = "NONE".equalsIgnoreCase(a.priority()) ? null : Priority.valueOf(a.priority());
      }
      suppressed = Boolean.TRUE.equals(a.suppress());
    }
    if (!priorityGiven && severity != null) {
      priority = target.incidentPriority(Severity.fromWire(severity));
    }
    return new Decision(target.id(), event.dedupKey(), event, severity, priority, suppressed,
        match.map(RoutingRule::name).orElse(null));
  }

  /**
   * Records a suppressed event, or queues the event for its alert group. The future completes
   * once the event is durable (in PostgreSQL or accepted by Temporal).
   */
  public CompletableFuture<Boolean> submit(Decision d) {
    InboundEvent e = d.event();
    if (d.suppressed()) {
      alerts.suppress(d.serviceId(), d.ruleName(), d.dedupKey(), e.action().wire(), e.summary(),
          e.body().toString());
      return CompletableFuture.completedFuture(false);
    }
    Instant now = clock.instant();
    String details = e.details() == null || e.details().length() <= DETAILS_MAX
        ? e.details() : e.details().substring(0, DETAILS_MAX);
    AlertEvent event = new AlertEvent(e.action(), 1, e.summary(), e.source(), d.severity(),
        d.priority(), now, now, details);
    return ingestor.submit(d.serviceId(), d.dedupKey(), event);
  }
}
