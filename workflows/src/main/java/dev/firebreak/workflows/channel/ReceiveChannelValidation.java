package dev.firebreak.workflows.channel;

import dev.firebreak.workflows.alert.Severity;
import dev.firebreak.workflows.alert.messages.AlertAction;
import dev.firebreak.workflows.validation.InvalidInput;
import dev.firebreak.workflows.validation.Problems;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * The rules of a receive channel and of its mapping, as pure functions: a known type, a service
 * that exists (asked of the caller), and for a generic channel a mapping whose constants are real
 * severities and actions and whose pointers are valid JSON Pointers.
 */
public final class ReceiveChannelValidation {

  public static final String ALERTMANAGER = "alertmanager";
  public static final String GENERIC = "generic";

  private ReceiveChannelValidation() {}

  /**
   * The draft with its name trimmed and its type in lower case, or {@link InvalidInput} naming
   * every wrong field.
   */
  public static ReceiveChannelDraft normalize(ReceiveChannelDraft draft,
      LongPredicate serviceExists) {
    Problems problems = new Problems();
    problems.require("name", draft.name());
    problems.maxLength("name", draft.name(), 255);
    problems.require("type", draft.type());
    String type = draft.type() == null ? null : draft.type().trim().toLowerCase(Locale.ROOT);
    if (type != null && !type.equals(ALERTMANAGER) && !type.equals(GENERIC)) {
      problems.add("type", "'" + draft.type() + "' is not one of alertmanager, generic");
    }
    problems.require("serviceId", draft.serviceId());
    if (draft.serviceId() != null && !serviceExists.test(draft.serviceId())) {
      problems.add("serviceId", "no service " + draft.serviceId());
    }
    if (GENERIC.equals(type)) {
      checkMapping(problems, draft.mapping());
    }
    problems.throwIfAny();
    return new ReceiveChannelDraft(draft.name().trim(), type, draft.serviceId(),
        GENERIC.equals(type) ? draft.mapping() : null);
  }

  static void checkMapping(Problems problems, GenericMapping m) {
    if (m == null) {
      problems.add("mapping", "a generic channel needs a mapping (at least summary)");
      return;
    }
    boolean summaryDefault = m.defaults() != null && m.defaults().get("summary") != null;
    if ((m.summary() == null || m.summary().isBlank()) && !summaryDefault) {
      problems.add("mapping.summary",
          "is required: a JSON Pointer such as /title, or a constant");
    }
    constant(problems, "mapping.severity", m.severity(), true);
    constant(problems, "mapping.action", m.action(), false);
    if (m.defaults() != null) {
      constant(problems, "mapping.defaults.severity", m.defaults().get("severity"), true);
      constant(problems, "mapping.defaults.action", m.defaults().get("action"), false);
    }
    values(problems, "mapping.severityValues", m.severityValues(), true);
    values(problems, "mapping.actionValues", m.actionValues(), false);
    for (String pointer : new String[] {m.summary(), m.dedupKey(), m.severity(), m.action(),
        m.source()}) {
      if (pointer != null && pointer.startsWith("/") && pointer.contains("//")) {
        problems.add("mapping", "'" + pointer + "' is not a valid JSON Pointer");
      }
    }
  }

  private static void constant(Problems problems, String field, String value, boolean severity) {
    if (value == null || value.startsWith("/")) {
      return;
    }
    valid(problems, field, value, severity);
  }

  private static void values(Problems problems, String field, Map<String, String> map,
      boolean severity) {
    if (map != null) {
      map.forEach((from, to) -> valid(problems, field + "." + from, to, severity));
    }
  }

  private static void valid(Problems problems, String field, String value, boolean severity) {
    String word = value == null ? null : value.toLowerCase(Locale.ROOT);
    if (severity && Severity.fromWire(word) == null) {
      problems.add(field, "'" + value + "' is not one of critical, error, warning, info");
    }
    if (!severity && AlertAction.fromWire(word) == null) {
      problems.add(field, "'" + value + "' is not one of trigger, acknowledge, resolve");
    }
  }
}
