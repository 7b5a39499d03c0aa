package dev.firebreak.workflows.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.workflows.validation.FieldError;
import dev.firebreak.workflows.validation.InvalidInput;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;

/** The rules of a receive channel and its mapping, without a database or HTTP. */
class ReceiveChannelValidationTest {

  static final LongPredicate ONLY_SERVICE_1 = id -> id == 1;

  static List<FieldError> errors(ReceiveChannelDraft draft) {
    try {
      ReceiveChannelValidation.normalize(draft, ONLY_SERVICE_1);
    } catch (InvalidInput e) {
      return e.errors();
    }
    throw new AssertionError("accepted: " + draft);
  }

  @Test
  void anAlertmanagerChannelNeedsNoMappingAndKeepsNone() {
    GenericMapping ignored = new GenericMapping("/x", null, null, null, null, null, null, null);
    assertThat(ReceiveChannelValidation.normalize(
        new ReceiveChannelDraft(" Prometheus ", " AlertManager", 1L, ignored), ONLY_SERVICE_1))
        .isEqualTo(new ReceiveChannelDraft("Prometheus", "alertmanager", 1L, null));
  }

  @Test
  void aGenericMappingMayTakeItsSummaryFromDefaults() {
    GenericMapping mapping = new GenericMapping(null, "/id", "/level", "resolve", null,
        Map.of("summary", "Something broke", "severity", "error"),
        Map.of("high", "critical"), Map.of("ok", "resolve"));
    assertThat(ReceiveChannelValidation.normalize(
        new ReceiveChannelDraft("Grafana", "generic", 1L, mapping), ONLY_SERVICE_1).mapping())
        .isEqualTo(mapping);
  }

  @Test
  void everyWrongFieldIsNamedAtOnce() {
    assertThat(errors(new ReceiveChannelDraft(null, "email", 2L, null)))
        .extracting(FieldError::field).containsExactly("name", "type", "serviceId");
    assertThat(errors(new ReceiveChannelDraft("W", "generic", 1L, null)))
        .containsExactly(new FieldError("mapping",
            "a generic channel needs a mapping (at least summary)"));

    GenericMapping bad = new GenericMapping(" ", "/a//b", "loud", "explode", null,
        Map.of("severity", "meh", "action", "later"), Map.of("high", "urgent"),
        Map.of("ok", "fine"));
    assertThat(errors(new ReceiveChannelDraft("W", "generic", 1L, bad)))
        .extracting(FieldError::field).containsExactly(
            "mapping.summary", "mapping.severity", "mapping.action",
            "mapping.defaults.severity", "mapping.defaults.action",
            "mapping.severityValues.high", "mapping.actionValues.ok", "mapping");
  }
}
