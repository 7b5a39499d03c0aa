package dev.firebreak.api.channel;

import dev.firebreak.workflows.channel.GenericMapping;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebreak.workflows.alert.messages.AlertAction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelEventsTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void alertmanagerAlertsBecomeOneEventPerFingerprint() throws Exception {
    var body = JSON.readTree("""
        {"version": "4", "status": "firing", "receiver": "fb", "groupKey": "g",
         "alerts": [
           {"status": "firing", "fingerprint": "f1",
            "labels": {"alertname": "Down", "instance": "a:1", "severity": "page"},
            "annotations": {"description": "a is down"}},
           {"status": "resolved", "fingerprint": "f2", "labels": {"alertname": "Slow"},
            "annotations": {}},
           {"status": "firing", "labels": {"alertname": "NoFingerprint"}, "annotations": {}}
         ]}""");
    List<ChannelEvents.Converted> events = ChannelEvents.alertmanager(body);
    assertThat(events).hasSize(3).allMatch(c -> c.error() == null);
    var first = events.get(0).event();
    assertThat(first.action()).isEqualTo(AlertAction.TRIGGER);
    assertThat(first.dedupKey()).isEqualTo("f1");
    assertThat(first.severity()).isEqualTo("critical");
    assertThat(first.summary()).isEqualTo("a is down");
    assertThat(first.source()).isEqualTo("a:1");
    assertThat(first.body().at("/payload/custom_details/labels/alertname").asText())
        .isEqualTo("Down");
    assertThat(events.get(1).event().action()).isEqualTo(AlertAction.RESOLVE);
    assertThat(events.get(2).event().dedupKey()).startsWith("labels-");
    assertThat(events.get(2).event().severity()).isEqualTo("warning");
    assertThat(ChannelEvents.alertmanager(JSON.readTree("{\"alerts\": 3}")).get(0).error())
        .contains("alerts");
  }

  @Test
  void aGenericMappingReadsPointersConstantsDefaultsAndTranslations() throws Exception {
    GenericMapping mapping = new GenericMapping("/title", "/id", "/level", "/state", "checks",
        Map.of("severity", "error"), Map.of("high", "critical"), Map.of("ok", "resolve"));
    var trigger = ChannelEvents.generic(mapping, JSON.readTree(
        "{\"title\": \"T\", \"id\": 7, \"level\": \"high\", \"state\": \"trigger\"}")).get(0);
    assertThat(trigger.event().summary()).isEqualTo("T");
    assertThat(trigger.event().dedupKey()).isEqualTo("7");
    assertThat(trigger.event().severity()).isEqualTo("critical");
    assertThat(trigger.event().source()).isEqualTo("checks");
    var defaulted = ChannelEvents.generic(mapping, JSON.readTree("{\"title\": \"T\"}")).get(0);
    assertThat(defaulted.event().action()).isEqualTo(AlertAction.TRIGGER);
    assertThat(defaulted.event().severity()).isEqualTo("error");
    assertThat(defaulted.event().dedupKey()).matches("[0-9a-f]{32}");
    var resolve = ChannelEvents.generic(mapping, JSON.readTree("{\"id\": \"x\", \"state\": \"ok\"}"))
        .get(0);
    assertThat(resolve.event().action()).isEqualTo(AlertAction.RESOLVE);
    var noKey = ChannelEvents.generic(mapping, JSON.readTree("{\"state\": \"ok\"}"));
    assertThat(noKey.get(0).error()).contains("dedupKey");
  }

  @Test
  void alertmanagerAlertsThatBreakItsSchemaOrOurLimitsAreRefusedNotStoredOrCut() throws Exception {
    var body = JSON.readTree("""
        {"status": "firing", "alerts": [3, null, {"labels": [1]},
          {"labels": {"alertname": {"x": 1}}, "fingerprint": 7},
          {"status": "firing", "fingerprint": "%s", "labels": {"alertname": "A"}},
          {"status": "firing", "labels": {"alertname": "B"},
           "annotations": {"summary": "%s"}}]}"""
        .formatted("f".repeat(256), "s".repeat(1025)));
    assertThat(ChannelEvents.alertmanager(body)).allMatch(c -> c.event() == null)
        .extracting(ChannelEvents.Converted::error).containsExactly(
            "alerts[0]: an alert must be an object, not a number",
            "alerts[1]: an alert must be an object, not null",
            "alerts[2].labels: must be an object of text, not an array",
            "alerts[3].labels.alertname: must be text, not an object",
            "alerts[3].fingerprint: must be text, not a number",
            "alerts[4].fingerprint: must be at most 255 characters",
            "alerts[5] summary (from its annotations): must be at most 1024 characters");
  }

  @Test
  void aGenericMappingThatPointsAtAnObjectIsRefusedNotStoredAsJsonText() throws Exception {
    GenericMapping mapping = new GenericMapping("/title", "/id", null, "/kind", null, null, null,
        null);
    assertThat(ChannelEvents.generic(mapping, JSON.readTree(
        "{\"kind\": \"trigger\", \"title\": {\"a\": 1}, \"id\": \"x\"}")))
        .extracting(ChannelEvents.Converted::error)
        .containsExactly("summary: '/title' gives an object, not text");
  }
}
