package dev.firebreak.api.contact;

import dev.firebreak.activities.incident.IncidentQueries;
import dev.firebreak.activities.notify.PageSend;
import dev.firebreak.activities.notify.SentPages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/incidents/{id}/notifications}: every rule of every plan of the incident,
 * what was sent and its delivery status, what is pending and when it is due.
 */
@RestController
@Tag(name = "Incidents")
public class IncidentNotificationsController {

  /** One rule of one plan. {@code status}: due, pending, sent, failed, stopped or bundled. */
  public record NotificationView(long id, String planId, long userId, String channel,
      String label, int delayMinutes, Instant dueAt, String status, String detail,
      String delivery, Instant sentAt) {

    static NotificationView of(PageSend s) {
      return new NotificationView(s.id(), s.planId(), s.userId(),
          s.type().toLowerCase(Locale.ROOT), s.label(), s.delayMinutes(), s.dueAt(),
          s.status().toLowerCase(Locale.ROOT), s.detail(), s.delivery(), s.sentAt());
    }
  }

  private final IncidentQueries incidents;
  private final SentPages sends;

  public IncidentNotificationsController(IncidentQueries incidents, SentPages sends) {
    this.incidents = incidents;
    this.sends = sends;
  }

  @GetMapping("/api/v1/incidents/{id}/notifications")
  @Operation(summary = "What was sent to whom, and what is still due")
  public List<NotificationView> notifications(@PathVariable long id) {
    incidents.get(id);
    return sends.forIncident(id).stream().map(NotificationView::of).toList();
  }
}
