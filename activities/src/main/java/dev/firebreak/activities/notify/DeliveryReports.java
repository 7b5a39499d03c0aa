package dev.firebreak.activities.notify;

import dev.firebreak.workflows.incident.IncidentWorkflow;
import dev.firebreak.workflows.incident.messages.EscalationNote;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import io.temporal.client.WorkflowClient;

/**
 * Delivery statuses reported by providers (Twilio's status callbacks): kept on the send, and the
 * final ones noted on the incident's timeline once each, e.g. "SMS to Alice (+33 6 … 89)
 * delivered", "call to Bob not answered".
 */
@Service
public class DeliveryReports {

  private static final Logger log = LoggerFactory.getLogger(DeliveryReports.class);

  /** Twilio's final statuses, in words. */
  static final Map<String, String> FINAL = Map.of(
      "delivered", "delivered",
      "undelivered", "not delivered",
      "failed", "failed",
      "completed", "answered",
      "no-answer", "not answered",
      "busy", "busy",
      "canceled", "cancelled");

  private final NotifySendStore sends;
  private final WorkflowClient client;

  public DeliveryReports(NotifySendStore sends, WorkflowClient client) {
    this.sends = sends;
    this.client = client;
  }

  /** Records {@code status} for the send; answers the send, empty when there is none. */
  public Optional<PageSend> report(long sendId, String status) {
    Optional<PageSend> send = sends.find(sendId);
    if (send.isEmpty() || status == null || status.isBlank()) {
      return send;
    }
    String words = FINAL.get(status);
    boolean changed = sends.delivery(sendId, status);
    if (changed && words != null) {
      try {
        client.newWorkflowStub(IncidentWorkflow.class,
                IncidentWorkflow.workflowId(send.get().incidentId()))
            .noteEscalation(new EscalationNote(List.of(send.get().label() + " " + words)));
      } catch (RuntimeException e) {
        log.info("could not note delivery on incident {}: {}", send.get().incidentId(),
            e.getMessage());
      }
    }
    return send;
  }
}
