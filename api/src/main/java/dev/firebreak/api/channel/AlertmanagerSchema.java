package dev.firebreak.api.channel;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Prometheus Alertmanager's webhook schema (version 4), checked alert by alert before anything is
 * stored: an alert whose parts have the wrong type is refused with the field it names. Pure.
 */
final class AlertmanagerSchema {

  private AlertmanagerSchema() {}

  /**
   * Alertmanager's schema for one alert: an object whose labels and annotations are objects of
   * text, and whose status, fingerprint, startsAt, endsAt and generatorURL are text.
   */
  static List<String> problems(String at, JsonNode alert) {
    List<String> errors = new ArrayList<>();
    if (alert == null || !alert.isObject()) {
      errors.add(at + ": an alert must be an object, not " + kind(alert));
      return errors;
    }
    for (String map : List.of("labels", "annotations")) {
      JsonNode node = alert.get(map);
      if (node == null || node.isNull()) {
        continue;
      }
      if (!node.isObject()) {
        errors.add(at + "." + map + ": must be an object of text, not " + kind(node));
        continue;
      }
      node.fields().forEachRemaining(e -> {
        if (!e.getValue().isTextual()) {
          errors.add(at + "." + map + "." + e.getKey() + ": must be text, not "
              + kind(e.getValue()));
        }
      });
    }
    for (String field : List.of("status", "fingerprint", "startsAt", "endsAt", "generatorURL")) {
      JsonNode node = alert.get(field);
      if (node != null && !node.isNull() && !node.isTextual()) {
        errors.add(at + "." + field + ": must be text, not " + kind(node));
      }
    }
    return errors;
  }

  /** What a JSON value is, as a refusal names it. */
  static String kind(JsonNode node) {
    if (node == null || node.isNull()) {
      return "null";
    }
    return node.isObject() ? "an object" : node.isArray() ? "an array"
        : node.isNumber() ? "a number" : node.isBoolean() ? "a boolean" : "text";
  }
}
