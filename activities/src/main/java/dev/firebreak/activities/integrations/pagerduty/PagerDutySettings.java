package dev.firebreak.activities.integrations.pagerduty;

import dev.firebreak.activities.integrations.http.IntegrationHttp;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** PagerDuty settings, under FireFighter's environment variable names. */
@Component
public class PagerDutySettings {

  private final boolean enabled;
  private final String apiKey;
  private final String accountEmail;
  private final String url;

  public PagerDutySettings(
      @Value("${ENABLE_PAGERDUTY:false}") boolean enabled,
      @Value("${PAGERDUTY_API_KEY:}") String apiKey,
      @Value("${PAGERDUTY_ACCOUNT_EMAIL:}") String accountEmail,
      @Value("${PAGERDUTY_URL:https://api.pagerduty.com}") String url) {
    this.enabled = enabled;
    this.apiKey = apiKey;
    this.accountEmail = accountEmail;
    this.url = IntegrationHttp.withScheme(url);
    if (enabled && apiKey.isBlank()) {
      throw new IllegalStateException("ENABLE_PAGERDUTY is set: PAGERDUTY_API_KEY is required");
    }
  }

  public boolean enabled() {
    return enabled;
  }

  public String apiKey() {
    return apiKey;
  }

  /** Sent as the {@code From} header, which PagerDuty requires to create incidents. */
  public String accountEmail() {
    return accountEmail;
  }

  public String url() {
    return url;
  }
}
