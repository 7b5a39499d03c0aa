package dev.firebreak.activities.integrations.confluence;

import dev.firebreak.activities.integrations.http.IntegrationHttp;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Confluence settings, under FireFighter's environment variable names. */
@Component
public class ConfluenceSettings {

  private final boolean enabled;
  private final String url;
  private final String username;
  private final String apiToken;
  private final String onCallPageId;
  private final String postmortemSpace;
  private final String postmortemParentId;

  public ConfluenceSettings(
      @Value("${ENABLE_CONFLUENCE:false}") boolean enabled,
      @Value("${CONFLUENCE_URL:}") String url,
      @Value("${CONFLUENCE_USERNAME:}") String username,
      @Value("${CONFLUENCE_API_TOKEN:}") String apiToken,
      @Value("${CONFLUENCE_ON_CALL_PAGE_ID:}") String onCallPageId,
      @Value("${CONFLUENCE_POSTMORTEM_SPACE:}") String postmortemSpace,
      @Value("${CONFLUENCE_POSTMORTEM_PARENT_ID:}") String postmortemParentId) {
    this.enabled = enabled;
    this.url = IntegrationHttp.withScheme(url);
    this.username = username;
    this.apiToken = apiToken;
    this.onCallPageId = blankToNull(onCallPageId);
    this.postmortemSpace = blankToNull(postmortemSpace);
    this.postmortemParentId = blankToNull(postmortemParentId);
    if (enabled && (this.url == null || this.url.isBlank())) {
      throw new IllegalStateException("ENABLE_CONFLUENCE is set: CONFLUENCE_URL is required");
    }
  }

  public boolean enabled() {
    return enabled;
  }

  /** Confluence is the postmortem backend: enabled, with a space to write postmortems in. */
  public boolean postmortemsEnabled() {
    return enabled && postmortemSpace != null;
  }

  /** The on-call page is exported: enabled, with a page to rewrite. */
  public boolean onCallExportEnabled() {
    return enabled && onCallPageId != null;
  }

  public String url() {
    return url;
  }

  public String username() {
    return username;
  }

  public String apiToken() {
    return apiToken;
  }

  public String onCallPageId() {
    return onCallPageId;
  }

  public String postmortemSpace() {
    return postmortemSpace;
  }

  public String postmortemParentId() {
    return postmortemParentId;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
