package dev.firebreak.activities.integrations.jira;

import dev.firebreak.activities.integrations.http.IntegrationHttp;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Jira settings, under FireFighter's environment variable names. {@code RAID_JIRA_API_URL} may be
 * a bare host ({@code mycompany.atlassian.net}): {@code https://} is assumed.
 */
@Component
public class JiraSettings {

  private final boolean enabled;
  private final String apiUrl;
  private final String user;
  private final String password;
  private final boolean raidEnabled;
  private final String defaultReporterId;
  private final String projectKey;
  private final String toolboxUrl;
  private final String categoryField;
  private final String issueType;
  private final List<String> labels;

  public JiraSettings(
      @Value("${ENABLE_JIRA:false}") boolean enabled,
      @Value("${RAID_JIRA_API_URL:}") String apiUrl,
      @Value("${RAID_JIRA_API_USER:}") String user,
      @Value("${RAID_JIRA_API_PASSWORD:}") String password,
      @Value("${ENABLE_RAID:false}") boolean raidEnabled,
      @Value("${RAID_DEFAULT_JIRA_QRAFT_USER_ID:}") String defaultReporterId,
      @Value("${RAID_JIRA_PROJECT_KEY:}") String projectKey,
      @Value("${RAID_TOOLBOX_URL:}") String toolboxUrl,
      @Value("${RAID_JIRA_INCIDENT_CATEGORY_FIELD:}") String categoryField,
      @Value("${firebreak.jira.issue-type:Incident}") String issueType,
      @Value("${firebreak.jira.labels:incident}") String labels) {
    this.enabled = enabled;
    this.apiUrl = IntegrationHttp.withScheme(apiUrl);
    this.user = user;
    this.password = password;
    this.raidEnabled = raidEnabled;
    this.defaultReporterId = blankToNull(defaultReporterId);
    this.projectKey = projectKey;
    this.toolboxUrl = blankToNull(toolboxUrl);
    this.categoryField = blankToNull(categoryField);
    this.issueType = issueType;
    this.labels = Arrays.stream(labels.split(",")).map(String::trim).filter(l -> !l.isEmpty())
        .toList();
    if (enabled && (this.apiUrl == null || this.apiUrl.isBlank() || projectKey.isBlank())) {
      throw new IllegalStateException(
          "ENABLE_JIRA is set: RAID_JIRA_API_URL and RAID_JIRA_PROJECT_KEY are required");
    }
  }

  public boolean enabled() {
    return enabled;
  }

  public String apiUrl() {
    return apiUrl;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  /** FireFighter's RAID module; Firebreak accepts the setting, ticket creation needs ENABLE_JIRA. */
  public boolean raidEnabled() {
    return raidEnabled;
  }

  public String defaultReporterId() {
    return defaultReporterId;
  }

  public String projectKey() {
    return projectKey;
  }

  public String toolboxUrl() {
    return toolboxUrl;
  }

  public String categoryField() {
    return categoryField;
  }

  public String issueType() {
    return issueType;
  }

  public List<String> labels() {
    return labels;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
