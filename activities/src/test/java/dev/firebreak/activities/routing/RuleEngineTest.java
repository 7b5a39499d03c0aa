package dev.firebreak.activities.routing;

import dev.firebreak.workflows.routing.RoutingRule;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleEngineTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode event() throws Exception {
    return JSON.readTree("""
        {"event_action": "trigger", "dedup_key": "k",
         "payload": {"summary": "Disk full on db-12", "source": "db-12", "severity": "error",
                     "custom_details": {"env": "prod", "team": null}}}""");
  }

  static RoutingRule rule(String name, RoutingRule.TimeWindow window,
      RoutingRule.Condition... conditions) {
    return new RoutingRule(name, List.of(conditions), window,
        new RoutingRule.Actions(null, null, null, true));
  }

  final Instant wednesdayNoonUtc = Instant.parse("2026-11-25T12:00:00Z");

  @Test
  void conditionsTestFieldsByJsonPointerOrDottedPath() throws Exception {
    JsonNode e = event();
    assertThat(RuleEngine.holds(new RoutingRule.Condition("/payload/source", "equals", "db-12"), e))
        .isTrue();
    assertThat(RuleEngine.holds(new RoutingRule.Condition("payload.summary", "contains", "full"), e))
        .isTrue();
    assertThat(RuleEngine.holds(new RoutingRule.Condition("/payload/source", "regex", "^db-\\d+$"),
        e)).isTrue();
    assertThat(RuleEngine.holds(new RoutingRule.Condition("/payload/source", "regex", "^web"), e))
        .isFalse();
    assertThat(RuleEngine.holds(new RoutingRule.Condition("/payload/custom_details/env", "exists",
        null), e)).isTrue();
    assertThat(RuleEngine.holds(new RoutingRule.Condition("/payload/custom_details/team", "exists",
        null), e)).isFalse();
    assertThat(RuleEngine.holds(new RoutingRule.Condition("/nope", "equals", "x"), e)).isFalse();
  }

  @Test
  void theFirstMatchingRuleWins() throws Exception {
    RoutingRule web = rule("web", null, new RoutingRule.Condition("/payload/source", "contains",
        "web"));
    RoutingRule db1 = rule("db1", null, new RoutingRule.Condition("/payload/source", "contains",
        "db"));
    RoutingRule db2 = rule("db2", null, new RoutingRule.Condition("/payload/severity", "equals",
        "error"));
    assertThat(RuleEngine.firstMatch(List.of(web, db1, db2), event(), wednesdayNoonUtc))
        .map(RoutingRule::name).contains("db1");
    assertThat(RuleEngine.firstMatch(List.of(web), event(), wednesdayNoonUtc)).isEmpty();
  }

  @Test
  void weeklyWindowsAreReadInTheirTimeZoneAndMaySpanMidnight() {
    // 12:00 UTC on a Wednesday is 13:00 in Paris, 21:00 in Tokyo
    RoutingRule.TimeWindow office =
        new RoutingRule.TimeWindow(List.of("MON", "TUE", "WED", "THU", "FRI"), "09:00", "18:00",
            "Europe/Paris");
    assertThat(RuleEngine.inWindow(office, wednesdayNoonUtc)).isTrue();
    assertThat(RuleEngine.inWindow(office, Instant.parse("2026-11-25T17:30:00Z"))).isFalse();
    assertThat(RuleEngine.inWindow(office, Instant.parse("2026-11-28T12:00:00Z"))).isFalse(); // Sat
    RoutingRule.TimeWindow night =
        new RoutingRule.TimeWindow(List.of("WED"), "20:00", "06:00", "Asia/Tokyo");
    assertThat(RuleEngine.inWindow(night, wednesdayNoonUtc)).isTrue(); // Wed 21:00 in Tokyo
    // Thursday 05:00 in Tokyo still belongs to Wednesday's night
    assertThat(RuleEngine.inWindow(night, Instant.parse("2026-11-25T20:00:00Z"))).isTrue();
    // Friday 05:00 in Tokyo belongs to Thursday's night: not allowed
    assertThat(RuleEngine.inWindow(night, Instant.parse("2026-11-26T20:00:00Z"))).isFalse();
  }
}
