package dev.firebreak.activities.notify;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Twilio's account (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER, TWILIO_API_URL)
 * and where Twilio calls back (FIREBREAK_PUBLIC_URL): the signature of each callback is computed
 * over that public URL, so it must be the one Twilio is given.
 */
@Component
public class TwilioSettings {

  private final String accountSid;
  private final String authToken;
  private final String fromNumber;
  private final String apiUrl;
  private final String publicUrl;

  public TwilioSettings(
      @Value("${firebreak.twilio.account-sid:}") String accountSid,
      @Value("${firebreak.twilio.auth-token:}") String authToken,
      @Value("${firebreak.twilio.from-number:}") String fromNumber,
      @Value("${firebreak.twilio.api-url:https://api.twilio.com}") String apiUrl,
      @Value("${firebreak.public-url:http://localhost:8080}") String publicUrl) {
    this.accountSid = accountSid;
    this.authToken = authToken;
    this.fromNumber = fromNumber;
    this.apiUrl = trim(apiUrl);
    this.publicUrl = trim(publicUrl);
  }

  public boolean configured() {
    return !accountSid.isBlank() && !authToken.isBlank() && !fromNumber.isBlank();
  }

  public String accountSid() {
    return accountSid;
  }

  public String authToken() {
    return authToken;
  }

  public String fromNumber() {
    return fromNumber;
  }

  public String apiUrl() {
    return apiUrl;
  }

  public String publicUrl() {
    return publicUrl;
  }

  private static String trim(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
