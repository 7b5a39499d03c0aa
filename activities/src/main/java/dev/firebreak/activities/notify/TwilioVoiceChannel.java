package dev.firebreak.activities.notify;

import dev.firebreak.workflows.notify.ContactType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Voice calls through Twilio. A page's call fetches its menu from {@code
 * /api/v1/twilio/voice?send=<id>} (1 acknowledges, 2 resolves); a verification code is read by
 * TwiML given inline, since there is nothing to act on.
 */
@Component
public class TwilioVoiceChannel implements NotificationChannel {

  private final TwilioSettings settings;
  private final TwilioClient twilio;

  public TwilioVoiceChannel(TwilioSettings settings, TwilioClient twilio) {
    this.settings = settings;
    this.twilio = twilio;
  }

  @Override
  public ContactType type() {
    return ContactType.VOICE;
  }

  @Override
  public boolean configured() {
    return settings.configured();
  }

  @Override
  public Delivery send(Message message) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("To", message.to().value());
    form.put("From", settings.fromNumber());
    if (message.sendId() == null) {
      form.put("Twiml", "<Response><Say>" + HtmlUtils.htmlEscape(message.text())
          + "</Say></Response>");
    } else {
      form.put("Url", twilio.callback("/api/v1/twilio/voice?send=" + message.sendId()));
      form.put("StatusCallback", twilio.callback("/api/v1/twilio/status?send="
          + message.sendId()));
    }
    return twilio.post("Calls.json", form);
  }
}
