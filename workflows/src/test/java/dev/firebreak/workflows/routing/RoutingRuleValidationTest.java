package dev.firebreak.workflows.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.workflows.routing.RoutingRule.Actions;
import dev.firebreak.workflows.routing.RoutingRule.Condition;
import dev.firebreak.workflows.routing.RoutingRule.TimeWindow;
import dev.firebreak.workflows.validation.FieldError;
import dev.firebreak.workflows.validation.InvalidInput;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;

/** The rules of routing rules, without a database or HTTP. */
class RoutingRuleValidationTest {

  static final LongPredicate ONLY_SERVICE_1 = id -> id == 1;

  static List<FieldError> errors(List<RoutingRule> rules) {
    try {
      RoutingRuleValidation.validate(rules, ONLY_SERVICE_1);
    } catch (InvalidInput e) {
      return e.errors();
    }
    throw new AssertionError("accepted: " + rules);
  }

  @Test
  void validRulesAreAcceptedAsGiven() {
    List<RoutingRule> rules = List.of(
        new RoutingRule("db", List.of(new Condition("/payload/summary", "REGEX", "^db-\\d+"),
            new Condition("/payload/custom_details/env", "exists", null)),
            new TimeWindow(List.of("mon", "FRI"), "22:00", "06:00", "Europe/Paris"),
            new Actions(1L, "warning", "NONE", null)),
        new RoutingRule("noise", List.of(), null, new Actions(null, null, "P3", true)));

    assertThat(RoutingRuleValidation.validate(rules, ONLY_SERVICE_1)).isEqualTo(rules);
    assertThat(RoutingRuleValidation.validate(null, ONLY_SERVICE_1)).isEmpty();
  }

  @Test
  void everyWrongFieldOfEveryRuleIsNamed() {
    List<RoutingRule> rules = Arrays.asList(
        new RoutingRule("x".repeat(256), List.of(new Condition(" ", "like", "a"),
            new Condition("/a", "equals", null), new Condition("/b", "regex", "(")),
            new TimeWindow(List.of("FUN"), "25:00", "6pm", "Mars/Base"),
            new Actions(7L, "fatal", "P9", null)),
        null,
        new RoutingRule("no actions", null, null, null));

    assertThat(errors(rules)).extracting(FieldError::field).containsExactly(
        "rules[0].name",
        "rules[0].conditions[0].field", "rules[0].conditions[0].op",
        "rules[0].conditions[1].value", "rules[0].conditions[2].value",
        "rules[0].timeWindow.timeZone", "rules[0].timeWindow.from", "rules[0].timeWindow.to",
        "rules[0].timeWindow.days",
        "rules[0].actions.serviceId", "rules[0].actions.severity", "rules[0].actions.priority",
        "rules[1]", "rules[2].actions");
    assertThat(errors(rules)).contains(
        new FieldError("rules[0].actions.serviceId", "no service 7"),
        new FieldError("rules[0].conditions[2].value", "is not a valid regular expression"));
  }
}
