package dev.firebreak.workflows.alert.messages;

import java.util.Locale;

/** PagerDuty's event actions. */
public enum AlertAction {
  TRIGGER,
  ACKNOWLEDGE,
  RESOLVE;

  /** As PagerDuty writes it: {@code trigger}, {@code acknowledge}, {@code resolve}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The action for PagerDuty's word, or null when it is not one. */
  public static AlertAction fromWire(String value) {
    for (AlertAction a : values()) {
      if (a.wire().equals(value)) {
        return a;
      }
    }
    return null;
  }
}
