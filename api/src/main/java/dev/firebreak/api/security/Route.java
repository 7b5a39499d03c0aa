package dev.firebreak.api.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebreak.activities.security.TeamScopes;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import org.springframework.web.util.WebUtils;

/** One request as the access rules see it: its path variables and, for writes, its JSON body. */
final class Route {

  private static final ObjectMapper JSON = new ObjectMapper();

  final String key;
  final HttpServletRequest request;
  final Map<String, String> vars;
  final TeamScopes scopes;
  private JsonNode body;

  Route(String key, HttpServletRequest request, Map<String, String> vars, TeamScopes scopes) {
    this.key = key;
    this.request = request;
    this.vars = vars;
    this.scopes = scopes;
  }

  /** A numeric path variable, or null when it is missing or not a number. */
  Long id(String var) {
    String value = vars.get(var);
    try {
      return value == null ? null : Long.valueOf(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A number field of the JSON body, or null (no body, not JSON, field missing or not a number). */
  Long bodyLong(String field) {
    JsonNode node = body().get(field);
    return node != null && node.canConvertToLong() ? node.asLong() : null;
  }

  private JsonNode body() {
    if (body == null) {
      body = JSON.createObjectNode();
      CachedBodyFilter.CachedBody cached =
          WebUtils.getNativeRequest(request, CachedBodyFilter.CachedBody.class);
      if (cached != null && cached.bytes().length > 0) {
        try {
          JsonNode parsed = JSON.readTree(cached.bytes());
          if (parsed != null && parsed.isObject()) {
            body = parsed;
          }
        } catch (IOException e) {
          // not JSON: the controller answers 400 for it
        }
      }
    }
    return body;
  }
}
