package dev.firebreak.activities.notify;

import java.util.List;

/**
 * What a channel sends to one contact method. {@code sendId} is the recorded send it belongs to
 * (null for a verification code), so that provider callbacks find their way back; {@code
 * incidents} are the incidents it asks to act on: one for a page, several for a bundle, none for a
 * code. {@code replyCode} is the SMS reply prefix ("4821").
 */
public record Message(Long sendId, ContactMethod to, String userName, String subject,
    String text, List<PagedIncident> incidents, String replyCode) {

  /** An incident a message is about. */
  public record PagedIncident(long id, String title, String priority) {}

  public static Message code(ContactMethod to, String code) {
    return new Message(null, to, null, "Your Firebreak verification code",
        "Your Firebreak verification code is " + code + ". It expires in 10 minutes.", List.of(),
        null);
  }

  /** The incident of a page that is about one incident; null for a bundle or a code. */
  public PagedIncident single() {
    return incidents.size() == 1 ? incidents.get(0) : null;
  }
}
