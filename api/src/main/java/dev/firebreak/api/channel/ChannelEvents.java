package dev.firebreak.api.channel;

import dev.firebreak.workflows.channel.GenericMapping;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.workflows.alert.Severity;
import dev.firebreak.api.alert.Bodies;
import dev.firebreak.api.edge.TextRules;
import dev.firebreak.activities.alert.intake.InboundEvent;
import dev.firebreak.workflows.alert.messages.AlertAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a receive channel's third-party JSON into events in PagerDuty's shape: Prometheus
 * Alertmanager's webhook (version 4), or any JSON through a {@link GenericMapping}. Pure.
 */
public final class ChannelEvents {

  /** One event the payload gives, or why it gives none. */
  public record Converted(InboundEvent event, String error) {}

  private ChannelEvents() {}

  /**
   * Alertmanager: one event per alert, deduplicated by its {@code fingerprint} (a hash of its
   * labels when absent); {@code firing} triggers, {@code resolved} resolves; severity from the
   * {@code severity} label ({@code page} counts as critical, unknown as warning); summary from the
   * {@code summary} or {@code description} annotation, else the alert name.
   */
  public static List<Converted> alertmanager(JsonNode body) {
    List<Converted> out = new ArrayList<>();
    JsonNode alerts = body.get("alerts");
    if (!body.isObject() || alerts == null || !alerts.isArray()) {
      out.add(new Converted(null, "alerts: an Alertmanager webhook has an 'alerts' array"));
      return out;
    }
    for (int i = 0; i < alerts.size(); i++) {
      JsonNode alert = alerts.get(i);
      String at = "alerts[" + i + "]";
      List<String> errors = AlertmanagerSchema.problems(at, alert);
      if (!errors.isEmpty()) {
        errors.forEach(e -> out.add(new Converted(null, e)));
        continue;
      }
      String status = text(alert.at("/status"));
      if (status == null) {
        status = text(body.get("status"));
      }
      AlertAction action = "resolved".equals(status) ? AlertAction.RESOLVE
          : "firing".equals(status) ? AlertAction.TRIGGER : null;
      if (action == null) {
        out.add(new Converted(null, at + ".status: '" + status
            + "' is neither firing nor resolved"));
        continue;
      }
      JsonNode labels = alert.path("labels");
      JsonNode annotations = alert.path("annotations");
      String fingerprint = text(alert.get("fingerprint"));
      String dedupKey = fingerprint != null ? fingerprint : "labels-" + sha256(labels.toString());
      String alertName = text(labels.get("alertname"));
      String summary = firstOf(text(annotations.get("summary")),
          text(annotations.get("description")), alertName, "Alertmanager alert " + dedupKey);
      String source = firstOf(text(labels.get("instance")), text(labels.get("job")),
          text(alert.get("generatorURL")), "alertmanager");
      limit(at + " summary (from its annotations)", summary, TextRules.SUMMARY_MAX, errors);
      limit(at + " source (from its labels)", source, TextRules.SOURCE_MAX, errors);
      limit(at + ".fingerprint", dedupKey, TextRules.FINGERPRINT_MAX, errors);
      if (!errors.isEmpty()) {
        errors.forEach(e -> out.add(new Converted(null, e)));
        continue;
      }
      String severity = action == AlertAction.TRIGGER ? severity(text(labels.get("severity")))
          : null;
      ObjectNode pd = Bodies.JSON.createObjectNode();
      pd.put("event_action", action.wire());
      pd.put("dedup_key", dedupKey);
      ObjectNode payload = pd.putObject("payload");
      payload.put("summary", summary);
      payload.put("source", source);
      payload.put("severity", severity);
      ObjectNode details = payload.putObject("custom_details");
      details.set("labels", labels);
      details.set("annotations", annotations);
      details.set("startsAt", alert.get("startsAt"));
      details.set("generatorURL", alert.get("generatorURL"));
      pd.set("labels", labels);
      pd.set("annotations", annotations);
      out.add(new Converted(new InboundEvent(action, dedupKey, summary, source, severity, pd,
          details.toString()), null));
    }
    return out;
  }

  private static void limit(String field, String value, int max, List<String> errors) {
    String bad = TextRules.problem(value, max);
    if (bad != null) {
      errors.add(field + ": " + bad);
    }
  }

  static String severity(String label) {
    if (label == null) {
      return Severity.WARNING.wire();
    }
    String word = label.toLowerCase(Locale.ROOT);
    if (Severity.fromWire(word) != null) {
      return word;
    }
    return switch (word) {
      case "page", "fatal", "emergency", "high" -> Severity.CRITICAL.wire();
      case "err", "major" -> Severity.ERROR.wire();
      case "warn", "minor", "medium" -> Severity.WARNING.wire();
      case "none", "low", "informational" -> Severity.INFO.wire();
      default -> Severity.WARNING.wire();
    };
  }

  /** A generic webhook: one event, each field through the mapping. */
  public static List<Converted> generic(GenericMapping mapping, JsonNode body) {
    List<String> errors = new ArrayList<>();
    Map<String, String> specs = new java.util.LinkedHashMap<>();
    specs.put("action", mapping.action());
    specs.put("summary", mapping.summary());
    specs.put("dedupKey", mapping.dedupKey());
    specs.put("source", mapping.source());
    specs.put("severity", mapping.severity());
    specs.forEach((field, spec) -> {
      if (spec != null && spec.startsWith("/") && body.at(spec).isContainerNode()) {
        errors.add(field + ": '" + spec + "' gives " + AlertmanagerSchema.kind(body.at(spec)) + ", not text");
      }
    });
    if (!errors.isEmpty()) {
      return errors.stream().map(e -> new Converted(null, e)).toList();
    }
    String actionWord = mapped(mapping.action(), body, mapping, "action", "trigger");
    actionWord = lookup(mapping.actionValues(), actionWord);
    AlertAction action = AlertAction.fromWire(actionWord == null ? null
        : actionWord.toLowerCase(Locale.ROOT));
    if (action == null) {
      errors.add("action: '" + actionWord + "' is not one of trigger, acknowledge, resolve");
    }
    String summary = mapped(mapping.summary(), body, mapping, "summary", null);
    String dedupKey = mapped(mapping.dedupKey(), body, mapping, "dedupKey", null);
    String source = mapped(mapping.source(), body, mapping, "source", "webhook");
    String severity = lookup(mapping.severityValues(),
        mapped(mapping.severity(), body, mapping, "severity", "warning"));
    if (severity != null) {
      severity = severity.toLowerCase(Locale.ROOT);
    }
    if (action == AlertAction.TRIGGER) {
      if (summary == null || summary.isBlank()) {
        errors.add("summary: " + describe(mapping.summary()) + " gives no value");
      }
      if (Severity.fromWire(severity) == null) {
        errors.add("severity: '" + severity + "' is not one of critical, error, warning, info");
      }
      if (dedupKey == null || dedupKey.isBlank()) {
        dedupKey = Bodies.newDedupKey();
      }
    } else if (action != null && (dedupKey == null || dedupKey.isBlank())) {
      errors.add("dedupKey: " + describe(mapping.dedupKey()) + " gives no value, and "
          + action.wire() + " needs one");
    }
    limit("dedupKey", dedupKey, TextRules.DEDUP_KEY_MAX, errors);
    limit("summary", summary, TextRules.SUMMARY_MAX, errors);
    limit("source", source, TextRules.SOURCE_MAX, errors);
    if (!errors.isEmpty()) {
      return errors.stream().map(e -> new Converted(null, e)).toList();
    }
    ObjectNode pd = Bodies.JSON.createObjectNode();
    pd.put("event_action", action.wire());
    pd.put("dedup_key", dedupKey);
    ObjectNode payload = pd.putObject("payload");
    payload.put("summary", summary);
    payload.put("source", source);
    payload.put("severity", action == AlertAction.TRIGGER ? severity : null);
    payload.set("custom_details", body);
    return List.of(new Converted(new InboundEvent(action, dedupKey, summary, source,
        action == AlertAction.TRIGGER ? severity : null, pd, body.toString()), null));
  }

  /** A field spec: a JSON Pointer ({@code /a/b}) into the body, or a constant. */
  static String mapped(String spec, JsonNode body, GenericMapping mapping, String field,
      String fallback) {
    String value = null;
    if (spec != null && spec.startsWith("/")) {
      value = text(body.at(spec));
    } else if (spec != null) {
      value = spec;
    }
    if (value == null && mapping.defaults() != null) {
      value = mapping.defaults().get(field);
    }
    return value == null ? fallback : value;
  }

  private static String lookup(Map<String, String> values, String key) {
    if (values == null || key == null) {
      return key;
    }
    return values.getOrDefault(key, key);
  }

  private static String describe(String spec) {
    return spec == null ? "no mapping" : "'" + spec + "'";
  }

  static String text(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return null;
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }

  private static String firstOf(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(s.getBytes(StandardCharsets.UTF_8)), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
