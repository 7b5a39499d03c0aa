package dev.firebreak.activities.notify;

import java.util.LinkedHashMap;
import java.util.Map;

/** What Twilio's SMS and voice channels share: the account, and a form from our number. */
abstract class TwilioChannel implements NotificationChannel {

  protected final TwilioSettings settings;
  protected final TwilioClient twilio;

  TwilioChannel(TwilioSettings settings, TwilioClient twilio) {
    this.settings = settings;
    this.twilio = twilio;
  }

  @Override
  public boolean configured() {
    return settings.configured();
  }

  /** A form to {@code message}'s number from ours, with the status callback of its send. */
  protected Map<String, String> form(Message message) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("To", message.to().value());
    form.put("From", settings.fromNumber());
    if (message.sendId() != null) {
      form.put("StatusCallback", twilio.callback("/api/v1/twilio/status?send="
          + message.sendId()));
    }
    return form;
  }
}
