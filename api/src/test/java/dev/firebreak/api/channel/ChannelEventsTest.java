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
}
