package dev.firebreak.workflows.alert;

import java.util.Locale;

/** PagerDuty's event severities, most severe first. */
public enum Severity {
  CRITICAL,
  ERROR,
  WARNING,
  INFO;

  /** As PagerDuty writes it: {@code critical}, {@code error}, {@code warning}, {@code info}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The severity for PagerDuty's word, or null when it is not one. */
  public static Severity fromWire(String value) {
    if (value == null) {
      return null;
    }
    for (Severity s : values()) {
      if (s.wire().equals(value)) {
        return s;
      }
    }
    return null;
  }
}
