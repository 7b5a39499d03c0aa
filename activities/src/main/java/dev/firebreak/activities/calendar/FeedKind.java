package dev.firebreak.activities.calendar;

import java.util.Locale;

/** Whose shifts a calendar feed serves. */
public enum FeedKind {
  SCHEDULE,
  USER;

  String column() {
    return name().toLowerCase(Locale.ROOT);
  }
}
