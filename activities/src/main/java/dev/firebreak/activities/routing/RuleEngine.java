package dev.firebreak.activities.routing;

import dev.firebreak.workflows.routing.RoutingRule;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Finds the first routing rule an event matches. Pure: the clock is given. */
public final class RuleEngine {

  private RuleEngine() {}

  /** The first matching rule, in order. */
  public static Optional<RoutingRule> firstMatch(
      List<RoutingRule> rules, JsonNode event, Instant at) {
    for (RoutingRule rule : rules) {
      if (matches(rule, event, at)) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }

  public static boolean matches(RoutingRule rule, JsonNode event, Instant at) {
    if (rule.conditions() != null) {
      for (RoutingRule.Condition c : rule.conditions()) {
        if (!holds(c, event)) {
          return false;
        }
      }
    }
    return rule.timeWindow() == null || inWindow(rule.timeWindow(), at);
  }

  /** {@code /a/b} as is; {@code a.b} as {@code /a/b}. */
  public static String pointer(String field) {
    return field.startsWith("/") ? field : "/" + field.replace('.', '/');
  }

  static boolean holds(RoutingRule.Condition c, JsonNode event) {
    JsonNode node = event.at(pointer(c.field()));
    boolean present = !node.isMissingNode() && !node.isNull();
    String op = c.op().toLowerCase(Locale.ROOT);
    if (op.equals("exists")) {
      return present;
    }
    if (!present) {
      return false;
    }
    String text = node.isValueNode() ? node.asText() : node.toString();
    return switch (op) {
      case "equals" -> text.equals(c.value());
      case "contains" -> text.contains(c.value());
      case "regex" -> Pattern.compile(c.value()).matcher(text).find();
      default -> false;
    };
  }

  static boolean inWindow(RoutingRule.TimeWindow w, Instant at) {
    ZoneId zone = ZoneId.of(w.timeZone() == null ? "UTC" : w.timeZone());
    ZonedDateTime local = at.atZone(zone);
    LocalTime from = LocalTime.parse(w.from());
    LocalTime to = LocalTime.parse(w.to());
    LocalTime time = local.toLocalTime();
    DayOfWeek day = local.getDayOfWeek();
    if (!from.isAfter(to)) {
      return dayAllowed(w, day) && !time.isBefore(from) && time.isBefore(to);
    }
    // spans midnight: the evening part belongs to the day it starts, the morning to the day before
    if (!time.isBefore(from)) {
      return dayAllowed(w, day);
    }
    return time.isBefore(to) && dayAllowed(w, day.minus(1));
  }

  private static boolean dayAllowed(RoutingRule.TimeWindow w, DayOfWeek day) {
    if (w.days() == null || w.days().isEmpty()) {
      return true;
    }
    String name = day.getDisplayName(TextStyle.SHORT, Locale.ROOT).toUpperCase(Locale.ROOT);
    return w.days().stream().anyMatch(d -> d.equalsIgnoreCase(name));
  }
}
