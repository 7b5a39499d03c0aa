package dev.firebreak.workflows.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One routing rule of a routing key: when every condition holds (and the time window, if any,
 * contains the event's arrival), its actions apply and no later rule is looked at.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoutingRule(
    String name, List<Condition> conditions, TimeWindow timeWindow, Actions actions) {

  /**
   * A test on one field of the event in PagerDuty's shape, named by a JSON Pointer such as {@code
   * /payload/summary} or {@code /payload/custom_details/env}: {@code equals}, {@code contains},
   * {@code regex} (matches anywhere; anchor with ^ and $) or {@code exists}.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Condition(String field, String op, String value) {}

  /**
   * A weekly window in a time zone: on {@code days} ({@code MON}..{@code SUN}, all when empty),
   * from {@code from} (inclusive) to {@code to} (exclusive), {@code HH:mm}; {@code to} before
   * {@code from} spans midnight.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TimeWindow(List<String> days, String from, String to, String timeZone) {}

  /**
   * What a match does: route to {@code serviceId}, set {@code severity} or the incident {@code
   * priority} ({@code P1}..{@code P5}, or {@code NONE} for an alert only), or {@code suppress}:
   * recorded, no alert.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Actions(Long serviceId, String severity, String priority, Boolean suppress) {}
}
