package dev.firebreak.api.edge;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI document told as the API behaves, for every operation at once rather than in each
 * controller: the success code each operation really answers (201 for a creation, 204 for a
 * deletion, 202 for an accepted event), every refusal it can give in the problem shape (PagerDuty's
 * on {@code /v2/enqueue}), properties that may be null marked so, and the limits the edge enforces
 * ({@link TextRules} lengths, {@code limit} 1..200). A generated client can trust it, and the
 * contract test (schemathesis) holds the API to it.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiContract {

  static final String PROBLEM = "Problem";
  static final String PAGERDUTY_ERROR = "PagerDutyError";
  static final String JSON_NODE = "JsonNode";

  /** A {@link LocalDateTime} as Jackson writes it: no offset, so not an RFC 3339 date-time. */
  static final String LOCAL_DATE_TIME =
      "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?$";

  /** Operations that accept work to be done durably and answer before it is done. */
  private static final Set<String> ACCEPTING = Set.of(
      "PagerDutyEventsController#enqueue", "ChannelIngestController#alertmanager",
      "ChannelIngestController#webhook", "SlackAdminController#sync");

  /** Open to their senders, who authenticate with a key in the path (never 401/403). */
  private static final Set<String> SIGNED_BY_KEY = Set.of(
      "ChannelIngestController#alertmanager", "ChannelIngestController#webhook",
      "HeartbeatController#ping", "SlackEventsController#events");

  /** Controllers whose reads too answer 409 (an integration that is not enabled). */
  private static final Set<String> CONFLICT_ON_READ = Set.of("SyncController");

  @Bean
  OperationCustomizer realStatusCodes() {
    return (operation, handler) -> {
      ApiResponses responses = operation.getResponses() == null ? new ApiResponses()
          : operation.getResponses();
      operation.setResponses(responses);
      success(operation, handler, responses);
      boolean pagerDuty = handler.getMethod().getDeclaringClass().getSimpleName()
          .equals("PagerDutyEventsController");
      boolean mutating = !handler.hasMethodAnnotation(
          org.springframework.web.bind.annotation.GetMapping.class);
      refusal(responses, "400", "The request is malformed or a field is invalid; nothing was"
          + " stored", pagerDuty);
      if (mutating) {
        refusal(responses, "413", "The body is over the size limit, or carries too many"
            + " alerts", pagerDuty);
      }
      if (!pagerDuty && hasPathVariables(handler)) {
        refusal(responses, "404", "No such resource", false);
      }
      if (!pagerDuty && (mutating || CONFLICT_ON_READ.contains(
          handler.getBeanType().getSimpleName()))) {
        refusal(responses, "409", "Refused in the current state: a lifecycle rule, a duplicate,"
            + " or a feature that is not enabled", false);
      }
      if (mutating && !pagerDuty) {
        if (operation.getRequestBody() != null) {
          refusal(responses, "415", "The body is not JSON", false);
        }
      }
      String name = handler.getBeanType().getSimpleName() + "#" + handler.getMethod().getName();
      if (!pagerDuty && !SIGNED_BY_KEY.contains(name)) {
        refusal(responses, "401", "No valid bearer token or session", false);
        refusal(responses, "403", "The caller's role or team may not do this; nothing was"
            + " changed", false);
      }
      if (name.equals("SessionController#login")) {
        refusal(responses, "429", "Too many failed logins: retry after Retry-After seconds",
            false);
      }
      refusal(responses, "503", "The database or Temporal is unavailable; nothing was changed,"
          + " retry after Retry-After seconds", pagerDuty);
      if (operation.getParameters() != null) {
        for (Parameter p : operation.getParameters()) {
          limits(p);
        }
      }
      return operation;
    };
  }

  @Bean
  GlobalOpenApiCustomizer problemSchemas() {
    return openApi -> {
      Components components = openApi.getComponents() == null ? new Components()
          : openApi.getComponents();
      openApi.setComponents(components);
      components.addSchemas(PROBLEM, new ObjectSchema()
          .description("RFC 9457 problem details")
          .addProperty("type", new StringSchema())
          .addProperty("title", new StringSchema())
          .addProperty("status", new IntegerSchema())
          .addProperty("detail", new StringSchema())
          .addProperty("instance", new StringSchema())
          .addProperty("errors", new ArraySchema().items(new ObjectSchema()
              .addProperty("field", new StringSchema())
              .addProperty("message", new StringSchema()))));
      if (components.getSchemas() != null && components.getSchemas().containsKey(JSON_NODE)) {
        // a JsonNode property holds any JSON value, not a bean with isArray/isObject...
        components.addSchemas(JSON_NODE, new Schema<>().description("Any JSON value"));
      }
      components.addSchemas(PAGERDUTY_ERROR, new ObjectSchema()
          .description("PagerDuty Events API v2 error")
          .addProperty("status", new StringSchema())
          .addProperty("message", new StringSchema())
          .addProperty("errors", new ArraySchema().items(new StringSchema())));
    };
  }

  /**
   * Properties that may be null are nullable: every property whose Java type is not primitive
   * (our records carry a boxed or reference type exactly where a value may be absent: a closure
   * reason before closing, key events not yet reached, roles not yet given, the mean of no
   * incidents). Text properties carry the edge's length limit.
   */
  @Bean
  PropertyCustomizer nullableAndLimited() {
    return (property, type) -> {
      if (property == null) {
        return null;
      }
      if (rawClass(type.getType()) == LocalDateTime.class) {
        // a wall-clock time in the schedule's zone: declared as date-time it would promise an offset
        property.setFormat(null);
        property.setPattern(LOCAL_DATE_TIME);
        property.setDescription("A local date-time without offset, e.g. 2026-11-02T09:00:00");
        return nullable(property);
      }
      boolean text = property instanceof StringSchema || "string".equals(property.getType())
          || property.getTypes() != null && property.getTypes().contains("string");
      if (text && property.getFormat() == null && property.getEnum() == null) {
        property.setMaxLength(TextRules.limitOf(type.getPropertyName()));
      }
      return isPrimitive(type.getType()) ? property : nullable(property);
    };
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof com.fasterxml.jackson.databind.JavaType java) {
      return java.getRawClass();
    }
    return null;
  }

  private static boolean isPrimitive(Type type) {
    if (type instanceof Class<?> c) {
      return c.isPrimitive();
    }
    if (type instanceof com.fasterxml.jackson.databind.JavaType java) {
      return java.isPrimitive();
    }
    return false;
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  static Schema nullable(Schema property) {
    if (property.get$ref() != null) {
      // a sibling of $ref is ignored: say "this, or null" with anyOf
      Schema wrapped = new Schema();
      wrapped.addAnyOfItem(new Schema().$ref(property.get$ref()));
      Schema none = new Schema();
      none.addType("null");
      wrapped.addAnyOfItem(none);
      wrapped.setDescription(property.getDescription());
      return wrapped;
    }
    if (property.getType() == null && (property.getTypes() == null
        || property.getTypes().isEmpty()) && property.getAnyOf() == null
        && property.getOneOf() == null && property.getAllOf() == null) {
      // any JSON value (an Object property): null is one already; adding only "null" as a type
      // would forbid every other value
      return property;
    }
    property.setNullable(true);
    if (property.getType() != null) {
      property.addType(property.getType());
    }
    property.addType("null");
    if (property.getEnum() != null && !property.getEnum().contains(null)) {
      property.getEnum().add(null);
    }
    return property;
  }

  private static void success(Operation operation, HandlerMethod handler,
      ApiResponses responses) {
    String name = handler.getMethod().getName();
    String key = handler.getBeanType().getSimpleName() + "#" + name;
    String code = null;
    if (ACCEPTING.contains(key)) {
      code = "202";
    } else if (key.equals("EscalateController#escalate")) {
      copySuccess(responses, "201");
      code = "202";
    } else if (ResponseEntity.class.isAssignableFrom(handler.getMethod().getReturnType())) {
      if (handler.hasMethodAnnotation(PostMapping.class)
          && (name.startsWith("create") || name.startsWith("add"))) {
        code = "201";
      } else if (handler.hasMethodAnnotation(DeleteMapping.class)) {
        code = "204";
      }
    }
    if (code != null) {
      copySuccess(responses, code);
      // "201 with the new incident; 200 with the open incident that has the same dedupKey"
      if (operation.getDescription() == null || !operation.getDescription().contains("200")) {
        responses.remove("200");
      }
    }
  }

  private static void copySuccess(ApiResponses responses, String code) {
    ApiResponse ok = responses.get("200");
    ApiResponse moved = new ApiResponse().description(ok == null || ok.getDescription() == null
        ? "Done" : ok.getDescription());
    if (ok != null && ok.getContent() != null && !code.equals("204")) {
      moved.setContent(ok.getContent());
    }
    responses.putIfAbsent(code, moved);
  }

  private static void refusal(ApiResponses responses, String code, String description,
      boolean pagerDuty) {
    if (responses.containsKey(code)) {
      return;
    }
    String schema = pagerDuty ? PAGERDUTY_ERROR : PROBLEM;
    String mediaType = pagerDuty ? "application/json" : "application/problem+json";
    responses.addApiResponse(code, new ApiResponse().description(description)
        .content(new Content().addMediaType(mediaType, new MediaType()
            .schema(new Schema<>().$ref("#/components/schemas/" + schema)))));
  }

  private static boolean hasPathVariables(HandlerMethod handler) {
    for (var p : handler.getMethodParameters()) {
      if (p.hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
        return true;
      }
    }
    return false;
  }

  private static final Map<String, int[]> RANGES = Map.of("limit", new int[] {1, 200},
      "offset", new int[] {0, Integer.MAX_VALUE});

  @SuppressWarnings("rawtypes")
  private static void limits(Parameter parameter) {
    int[] range = RANGES.get(parameter.getName());
    Schema schema = parameter.getSchema();
    if (range != null && schema != null) {
      schema.setMinimum(BigDecimal.valueOf(range[0]));
      schema.setMaximum(BigDecimal.valueOf(range[1]));
    }
  }
}
