package dev.firebreak.api.edge;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.lang.reflect.Type;
import java.time.LocalDateTime;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The schemas of the OpenAPI document told as the API writes them: the problem shapes every
 * refusal uses (RFC 9457, and PagerDuty's on {@code /v2/enqueue}), properties that may be null
 * marked so, local date-times without an offset, and the text limits the edge enforces. The
 * operations' status codes are {@link OpenApiContract}'s.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiSchemas {

  static final String PROBLEM = "Problem";
  static final String PAGERDUTY_ERROR = "PagerDutyError";
  static final String JSON_NODE = "JsonNode";

  /** A {@link LocalDateTime} as Jackson writes it: no offset, so not an RFC 3339 date-time. */
  static final String LOCAL_DATE_TIME =
      "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?$";

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
}
