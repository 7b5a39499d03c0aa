package dev.firebreak.activities.integrations.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.activities.integrations.http.IntegrationHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** PagerDuty's REST API v2, the calls Firebreak needs. */
@Component
public class PagerDutyClient {

  static final String SYSTEM = "PagerDuty";
  static final int PAGE = 100;
  /** A guard against a server that always says there is more. */
  static final int MAX_PAGES = 1_000;

  private final PagerDutySettings settings;
  private volatile RestClient rest;

  public PagerDutyClient(PagerDutySettings settings) {
    this.settings = settings;
  }

  private RestClient rest() {
    if (rest == null) {
      rest = IntegrationHttp.client(settings.url(), headers -> {
        headers.set("Authorization", "Token token=" + settings.apiKey());
        headers.set("Accept", "application/vnd.pagerduty+json;version=2");
        if (settings.accountEmail() != null && !settings.accountEmail().isBlank()) {
          headers.set("From", settings.accountEmail());
        }
      });
    }
    return rest;
  }

  /**
   * Every item of a list endpoint ({@code /services}, {@code /users}, {@code /oncalls}...),
   * following PagerDuty's offset pagination until {@code more} is false.
   */
  public List<JsonNode> listAll(String path, String collection) {
    List<JsonNode> items = new ArrayList<>();
    int offset = 0;
    for (int page = 0; page < MAX_PAGES; page++) {
      int from = offset;
      JsonNode answer = IntegrationHttp.call(SYSTEM, () -> rest().get()
          .uri(uri -> uri.path(path)
              .queryParam("limit", PAGE)
              .queryParam("offset", from)
              .build())
          .retrieve()
          .body(String.class));
      JsonNode batch = answer.path(collection);
      batch.forEach(items::add);
      if (!answer.path("more").asBoolean(false) || batch.isEmpty()) {
        return items;
      }
      offset = from + batch.size();
    }
    throw io.temporal.failure.ApplicationFailure.newNonRetryableFailure(
        "PagerDuty " + path + " has more than " + MAX_PAGES + " pages", "PagerDutyTooManyPages");
  }

  /** The open PagerDuty incident with this incident key, if any. */
  public Optional<JsonNode> findIncidentByKey(String incidentKey) {
    JsonNode answer = IntegrationHttp.call(SYSTEM, () -> rest().get()
        .uri(uri -> uri.path("/incidents").queryParam("incident_key", "{key}").build(incidentKey))
        .retrieve()
        .body(String.class));
    JsonNode incidents = answer.path("incidents");
    return incidents.size() > 0 ? Optional.of(incidents.get(0)) : Optional.empty();
  }

  public JsonNode createIncident(Map<String, Object> incident) {
    String body = IntegrationHttp.write(Map.of("incident", incident));
    return IntegrationHttp.call(SYSTEM, () -> rest().post()
            .uri("/incidents")
            .contentType(MediaType.APPLICATION_JSON)
            .body(body)
            .retrieve()
            .body(String.class))
        .path("incident");
  }
}
