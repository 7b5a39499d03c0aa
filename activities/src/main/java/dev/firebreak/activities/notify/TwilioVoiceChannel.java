package dev.firebreak.activities.notify;

import dev.firebreak.workflows.notify.messages.ContactType;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Voice calls through Twilio. A page's call fetches its menu from {@code
 * /api/v1/twilio/voice?send=<id>} (1 acknowledges, 2 resolves); a verification code is read by
 * TwiML given inline, since there is nothing to act on.
 */
@Component
public class TwilioVoiceChannel extends TwilioChannel {

  public TwilioVoiceChannel(TwilioSettings settings, TwilioClient twilio) {
    super(settings, twilio);
  }

  @Override
  public ContactType type() {
    return ContactType.VOICE;
  }

  @Override
  public Delivery send(Message message) {
    Map<String, String> form = form(message);
    if (message.sendId() == null) {
      form.put("Twiml", "<Response><Say>" + HtmlUtils.htmlEscape(message.text())
          + "</Say></Response>");
    } else {
      form.put("Url", twilio.callback("/api/v1/twilio/voice?send=" + message.sendId()));
    }
    return twilio.post("Calls.json", form);
  }
}
