package dev.firebreak.activities.notify;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Reads of what plans sent, for the API: an incident's notifications, and the page a provider's
 * callback is about (by its send id, or an SMS reply's code and number).
 */
@Service
public class SentPages {

  private final NotifySendStore sends;

  public SentPages(NotifySendStore sends) {
    this.sends = sends;
  }

  /** Every rule of every plan of the incident, in due order. */
  public List<PageSend> forIncident(long incidentId) {
    return sends.forIncident(incidentId);
  }

  public Optional<PageSend> find(long sendId) {
    return sends.find(sendId);
  }

  /** The latest page sent to {@code phone} that carried reply code {@code code}. */
  public Optional<PageSend> byReplyCode(String phone, String code) {
    return sends.byReplyCode(phone, code);
  }
}
