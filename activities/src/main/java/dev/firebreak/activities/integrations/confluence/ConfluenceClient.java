package dev.firebreak.activities.integrations.confluence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.activities.integrations.http.IntegrationHttp;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** Confluence's content REST API ({@code /rest/api/content}), the calls Firebreak needs. */
@Component
public class ConfluenceClient {

  static final String SYSTEM = "Confluence";

  /** A page as Confluence describes it. */
  public record Page(String id, String title, int version, String storage, String url) {}

  private final ConfluenceSettings settings;
  private volatile RestClient rest;

  public ConfluenceClient(ConfluenceSettings settings) {
    this.settings = settings;
  }

  private RestClient rest() {
    if (rest == null) {
      String basic = Base64.getEncoder().encodeToString(
          (settings.username() + ":" + settings.apiToken()).getBytes(StandardCharsets.UTF_8));
      rest = IntegrationHttp.client(settings.url(), headers -> {
        headers.setBasicAuth(basic);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
      });
    }
    return rest;
  }

  public Optional<Page> findByTitle(String space, String title) {
    JsonNode found = IntegrationHttp.call(SYSTEM, () -> rest().get()
        .uri(uri -> uri.path("/rest/api/content")
            .queryParam("spaceKey", "{space}")
            .queryParam("title", "{title}")
            .queryParam("expand", "version")
            .build(space, title))
        .retrieve()
        .body(String.class));
    JsonNode results = found.path("results");
    return results.size() > 0 ? Optional.of(page(results.get(0))) : Optional.empty();
  }

  public Page get(String id) {
    return page(IntegrationHttp.call(SYSTEM, () -> rest().get()
        .uri("/rest/api/content/{id}?expand=version,body.storage", id)
        .retrieve()
        .body(String.class)));
  }

  public Page create(String space, String parentId, String title, String storage) {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("type", "page");
    content.put("title", title);
    content.put("space", Map.of("key", space));
    if (parentId != null) {
      content.put("ancestors", List.of(Map.of("id", parentId)));
    }
    content.put("body", Map.of("storage", Map.of("value", storage, "representation", "storage")));
    String body = IntegrationHttp.write(content);
    return page(IntegrationHttp.call(SYSTEM, () -> rest().post()
        .uri("/rest/api/content")
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve()
        .body(String.class)));
  }

  /** Replaces the page's body; Confluence wants the next version number. */
  public Page update(Page current, String storage) {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("id", current.id());
    content.put("type", "page");
    content.put("title", current.title());
    content.put("version", Map.of("number", current.version() + 1));
    content.put("body", Map.of("storage", Map.of("value", storage, "representation", "storage")));
    String body = IntegrationHttp.write(content);
    return page(IntegrationHttp.call(SYSTEM, () -> rest().put()
        .uri("/rest/api/content/{id}", current.id())
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve()
        .body(String.class)));
  }

  private Page page(JsonNode node) {
    String base = IntegrationHttp.text(node.path("_links"), "base");
    String webui = IntegrationHttp.text(node.path("_links"), "webui");
    String url = webui == null ? null : (base != null ? base : settings.url()) + webui;
    return new Page(
        IntegrationHttp.text(node, "id"),
        IntegrationHttp.text(node, "title"),
        node.path("version").path("number").asInt(0),
        IntegrationHttp.text(node.path("body").path("storage"), "value"),
        url);
  }
}
