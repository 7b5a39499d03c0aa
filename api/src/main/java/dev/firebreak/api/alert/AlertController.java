package dev.firebreak.api.alert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.activities.alert.Alerts;
import dev.firebreak.activities.alert.QuarantineEntry;
import dev.firebreak.activities.alert.SuppressedEvent;
import dev.firebreak.workflows.alert.messages.AlertEventRecord;
import dev.firebreak.workflows.alert.messages.AlertGroup;
import dev.firebreak.workflows.alert.messages.AlertStatus;
import dev.firebreak.workflows.incident.messages.Priority;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Alerts", description = "Alert groups: one per open (service, dedup key)")
public class AlertController {

  /** An alert group as the API shows it. */
  public record AlertResponse(
      long id, long serviceId, String dedupKey, String summary, String source, String severity,
      AlertStatus status, long count, Instant firstAt, Instant lastAt, Instant acknowledgedAt,
      Instant resolvedAt, Priority priority, Long incidentId, String workflowId,
      List<EventResponse> events, List<QuarantineEntry> quarantined) {

    static AlertResponse of(AlertGroup g, List<EventResponse> events,
        List<QuarantineEntry> quarantined) {
      return new AlertResponse(g.id(), g.serviceId(), g.dedupKey(), g.summary(), g.source(),
          g.severity(), g.status(), g.count(), g.firstAt(), g.lastAt(), g.acknowledgedAt(),
          g.resolvedAt(), g.priority(), g.incidentId(), g.workflowId(), events, quarantined);
    }
  }

  /** One event (or several coalesced repeats: {@code count}) of a group. */
  public record EventResponse(
      int seq, Instant at, String action, int count, String summary, String severity,
      Object details) {

    static EventResponse of(AlertEventRecord e) {
      return new EventResponse(e.seq(), e.at(), e.action().wire(), e.count(), e.summary(),
          e.severity(), details(e.details()));
    }

    private static Object details(String text) {
      if (text == null) {
        return null;
      }
      JsonNode node = Bodies.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return node == null || !node.isContainerNode() ? text
          : Bodies.JSON.convertValue(node, Object.class);
    }
  }

  @io.swagger.v3.oas.annotations.media.Schema(name = "AlertPage") // IncidentResponse has a Page
  public record Page(List<AlertResponse> items, long total, int limit, int offset) {}

  private final Alerts alerts;

  public AlertController(Alerts alerts) {
    this.alerts = alerts;
  }

  @GetMapping("/alerts")
  @Operation(summary = "List alert groups, newest first")
  public Page list(
      @RequestParam(required = false) Long serviceId,
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "50") int limit,
      @RequestParam(defaultValue = "0") int offset) {
    Alerts.AlertPage page = alerts.list(serviceId, status, limit, offset);
    return new Page(page.items().stream().map(g -> AlertResponse.of(g, null, null)).toList(),
        page.total(), limit, offset);
  }

  @GetMapping("/alerts/{id}")
  @Operation(summary = "One alert group with its recent events and the events it quarantined"
      + " (refused by the read model for good, with the reason), newest first")
  public AlertResponse get(@PathVariable long id) {
    Alerts.AlertWithEvents found = alerts.get(id);
    return AlertResponse.of(found.group(),
        found.events().stream().map(EventResponse::of).toList(), found.quarantined());
  }

  @GetMapping("/alerts/quarantined")
  @Operation(summary = "Quarantined events of no stored group (the group itself was refused,"
      + " e.g. for its dedup key), newest first")
  public List<QuarantineEntry> quarantinedWithoutGroup(
      @RequestParam(required = false) Long serviceId,
      @RequestParam(defaultValue = "50") int limit) {
    return alerts.quarantinedWithoutGroup(serviceId, limit);
  }

  @GetMapping("/suppressed-events")
  @Operation(summary = "Events a routing rule suppressed, newest first")
  public List<SuppressedEvent> suppressed(
      @RequestParam long serviceId, @RequestParam(defaultValue = "50") int limit) {
    return alerts.suppressed(serviceId, limit);
  }
}
