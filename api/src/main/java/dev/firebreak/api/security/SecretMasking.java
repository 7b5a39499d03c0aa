package dev.firebreak.api.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.activities.security.TeamScopes;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keys are shown only to those who may change their service: an integration key (a field
 * {@code integrationKey} beside the service's {@code teamId}) or a receive channel's or
 * heartbeat's {@code key} (beside its {@code serviceId}), and any URL that embeds it. Works on
 * the JSON of any answer of the API, so that a controller added later cannot leak a key by
 * forgetting to call it. Also keeps a write's answer, keys masked, for the audit log.
 */
@ControllerAdvice
public class SecretMasking implements ResponseBodyAdvice<Object> {

  static final String BODY = SecretMasking.class.getName() + ".body";
  static final String CREATED_ID = SecretMasking.class.getName() + ".id";

  private static final Set<String> SECRET_COLUMNS =
      Set.of("integration_key", "key", "token_hash", "password_hash", "integrationKey");
  private static final ObjectMapper TREE = new ObjectMapper();

  private final JsonMapper json;
  private final Callers callers;
  private final TeamScopes scopes;

  public SecretMasking(JsonMapper json, Callers callers, TeamScopes scopes) {
    this.json = json;
    this.callers = callers;
    this.scopes = scopes;
  }

  @Override
  public boolean supports(MethodParameter returnType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
      Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
      ServerHttpResponse response) {
    if (body == null || !(request instanceof ServletServerHttpRequest servlet)
        || !servlet.getServletRequest().getRequestURI().startsWith("/api/v1/")
        || body instanceof CharSequence || body instanceof byte[]
        || body instanceof org.springframework.http.ProblemDetail) {
      return body;
    }
    HttpServletRequest http = servlet.getServletRequest();
    Optional<Caller> caller = callers.current();
    boolean admin = caller.isPresent() && caller.get().admin();
    if (admin && "GET".equals(http.getMethod())) {
      return body;
    }
    Object plain = json.convertValue(body, Object.class);
    if (!"GET".equals(http.getMethod())) {
      http.setAttribute(BODY, maskForAudit(json.writeValueAsString(plain)));
      if (plain instanceof Map<?, ?> map && map.get("id") instanceof Number id) {
        http.setAttribute(CREATED_ID, id.longValue());
      }
    }
    if (admin) {
      return body;
    }
    boolean[] masked = {false};
    Object shown = mask(plain, caller.orElse(null), masked);
    return masked[0] ? shown : body;
  }

  private Object mask(Object node, Caller caller, boolean[] masked) {
    if (node instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(item -> out.add(mask(item, caller, masked)));
      return out;
    }
    if (!(node instanceof Map<?, ?> map)) {
      return node;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(String.valueOf(k), mask(v, caller, masked)));
    String secret = null;
    if (out.get("integrationKey") instanceof String key && !mayChange(caller, teamOf(out))) {
      secret = key;
      out.put("integrationKey", null);
    } else if (out.get("key") instanceof String key && out.get("serviceId") instanceof Number sid
        && !mayChange(caller, scopes.serviceOwner(sid.longValue()).teamId())) {
      secret = key;
      out.put("key", null);
    }
    if (secret != null) {
      masked[0] = true;
      String hidden = secret;
      out.replaceAll((k, v) -> v instanceof String s && s.contains(hidden) ? null : v);
    }
    return out;
  }

  private static Long teamOf(Map<String, Object> service) {
    return service.get("teamId") instanceof Number n ? n.longValue() : null;
  }

  private static boolean mayChange(Caller caller, Long teamId) {
    return caller != null && caller.mayManage(teamId);
  }

  /** A value as JSON for the audit log. */
  static String auditJson(Object value) {
    try {
      return TREE.writeValueAsString(value);
    } catch (IOException e) {
      return null;
    }
  }

  /** The JSON with every secret-looking field replaced by "***", for the audit log. */
  static String maskForAudit(String jsonText) {
    try {
      JsonNode tree = TREE.readTree(jsonText);
      maskTree(tree);
      return TREE.writeValueAsString(tree);
    } catch (IOException e) {
      return null;
    }
  }

  private static void maskTree(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        if (SECRET_COLUMNS.contains(name) && !object.get(name).isNull()) {
          object.put(name, "***");
        } else if (name.toLowerCase().endsWith("url") && object.get(name).isTextual()) {
          object.put(name, "***");
        } else {
          maskTree(object.get(name));
        }
      }
    } else if (node != null && node.isArray()) {
      node.forEach(SecretMasking::maskTree);
    }
  }
}
