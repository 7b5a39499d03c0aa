package dev.firebreak.activities.notify;

import dev.firebreak.workflows.notify.messages.ContactType;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * SMS through Twilio. A page ends with its reply codes ("Reply 4821a to acknowledge, 4821r to
 * resolve"); delivery statuses come back at {@code /api/v1/twilio/status?send=<id>}.
 */
@Component
public class TwilioSmsChannel extends TwilioChannel {

  public TwilioSmsChannel(TwilioSettings settings, TwilioClient twilio) {
    super(settings, twilio);
  }

  @Override
  public ContactType type() {
    return ContactType.SMS;
  }

  @Override
  public Delivery send(Message message) {
    Map<String, String> form = form(message);
    form.put("Body", body(message));
    return twilio.post("Messages.json", form);
  }

  static String body(Message message) {
    if (message.replyCode() == null) {
      return message.text();
    }
    String code = message.replyCode();
    return message.text() + " Reply " + code + "a to acknowledge, " + code + "r to resolve.";
  }
}
