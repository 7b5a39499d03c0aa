package dev.firebreak.activities.integrations.jira;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.activities.integrations.http.IntegrationHttp;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** Jira's REST API v2, the calls Firebreak needs. */
@Component
public class JiraClient {

  static final String SYSTEM = "Jira";

  private final JiraSettings settings;
  private volatile RestClient rest;

  public JiraClient(JiraSettings settings) {
    this.settings = settings;
  }

  private RestClient rest() {
    if (rest == null) {
      String basic = Base64.getEncoder().encodeToString(
          (settings.user() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8));
      rest = IntegrationHttp.client(settings.apiUrl(), headers -> {
        headers.setBasicAuth(basic);
        headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON));
      });
    }
    return rest;
  }

  /**
   * The key of an issue carrying {@code label}, if any. Jira Server and Data Center search with
   * {@code /rest/api/2/search}; Jira Cloud retired it (410) for {@code /rest/api/2/search/jql},
   * used when the first answers 404 or 410.
   */
  public Optional<String> findIssueKeyByLabel(String label) {
    String jql = "labels = \"" + label + "\"";
    JsonNode found = IntegrationHttp.call(SYSTEM, () -> {
      try {
        return search("/rest/api/2/search", jql);
      } catch (org.springframework.web.client.RestClientResponseException e) {
        int status = e.getStatusCode().value();
        if (status == 404 || status == 410) {
          return search("/rest/api/2/search/jql", jql);
        }
        throw e;
      }
    });
    JsonNode issues = found.path("issues");
    return issues.size() > 0
        ? Optional.ofNullable(IntegrationHttp.text(issues.get(0), "key")) : Optional.empty();
  }

  private String search(String path, String jql) {
    return rest().get()
        .uri(uri -> uri.path(path)
            .queryParam("jql", "{jql}")
            .queryParam("fields", "key")
            .queryParam("maxResults", 1)
            .build(jql))
        .retrieve()
        .body(String.class);
  }

  /** Creates an issue with these fields and answers its key. */
  public String createIssue(Map<String, Object> fields) {
    String body = IntegrationHttp.write(Map.of("fields", fields));
    JsonNode created = IntegrationHttp.call(SYSTEM, () -> rest().post()
        .uri("/rest/api/2/issue")
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve()
        .body(String.class));
    String key = IntegrationHttp.text(created, "key");
    if (key == null) {
      throw io.temporal.failure.ApplicationFailure.newFailure(
          "Jira created an issue but answered no key: " + created, "JiraBadAnswer");
    }
    return key;
  }

  /** The account id of the Jira user with this email, if Jira knows one. */
  public Optional<String> findAccountIdByEmail(String email) {
    JsonNode users = IntegrationHttp.call(SYSTEM, () -> rest().get()
        .uri(uri -> uri.path("/rest/api/2/user/search").queryParam("query", "{q}").build(email))
        .retrieve()
        .body(String.class));
    for (JsonNode user : users) {
      String id = IntegrationHttp.text(user, "accountId");
      if (id != null) {
        return Optional.of(id);
      }
    }
    return Optional.empty();
  }

  public String browseUrl(String key) {
    return settings.apiUrl() + "/browse/" + key;
  }
}
