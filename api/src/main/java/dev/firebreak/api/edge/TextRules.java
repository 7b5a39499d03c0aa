package dev.firebreak.api.edge;

import dev.firebreak.workflows.incident.IncidentRules;
import java.util.Map;

/**
 * The one set of rules every text that comes in must pass, whatever the endpoint: valid Unicode
 * (no lone surrogate, which PostgreSQL would store as {@code ?}), no NUL or other control
 * character (PostgreSQL refuses NUL, so an accepted event would later fail its projection for
 * good), and a length limit that is refused, never cut. Lengths count characters (code points),
 * as PostgreSQL's {@code varchar(n)} does.
 */
public final class TextRules {

  public static final int SUMMARY_MAX = 1024;
  public static final int SOURCE_MAX = 1024;
  public static final int DEDUP_KEY_MAX = 255;
  public static final int FINGERPRINT_MAX = 255;
  public static final int NAME_MAX = 255;
  /** Any other text: generous, but bounded. */
  public static final int TEXT_MAX = 65_536;

  /** Limits by the last name of a field, for request bodies bound to records. */
  private static final Map<String, Integer> BY_FIELD = Map.ofEntries(
      Map.entry("name", NAME_MAX),
      Map.entry("title", IncidentRules.TITLE_MAX),
      Map.entry("summary", SUMMARY_MAX),
      Map.entry("source", SOURCE_MAX),
      Map.entry("dedupKey", DEDUP_KEY_MAX),
      Map.entry("dedup_key", DEDUP_KEY_MAX),
      Map.entry("fingerprint", FINGERPRINT_MAX),
      Map.entry("description", IncidentRules.DESCRIPTION_MAX),
      Map.entry("message", IncidentRules.MESSAGE_MAX));

  private TextRules() {}

  /** The limit on a field called {@code name} in a request body. */
  public static int limitOf(String name) {
    return name == null ? TEXT_MAX : BY_FIELD.getOrDefault(name, TEXT_MAX);
  }

  /**
   * Why {@code value} is not acceptable text, or null when it is. Tab, newline and carriage
   * return (a newline's other half) are the only control characters allowed.
   */
  public static String problem(String value) {
    if (value == null) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
          continue;
        }
        return "is not valid Unicode (a lone surrogate at character " + i + ")";
      }
      if (Character.isLowSurrogate(c)) {
        return "is not valid Unicode (a lone surrogate at character " + i + ")";
      }
      if (c == 0) {
        return "contains a NUL character (U+0000)";
      }
      if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
        return String.format("contains the control character U+%04X", (int) c);
      }
    }
    return null;
  }

  /** Why {@code value} is not acceptable text of at most {@code max} characters, or null. */
  public static String problem(String value, int max) {
    String bad = problem(value);
    if (bad != null) {
      return bad;
    }
    return value != null && value.codePointCount(0, value.length()) > max
        ? "must be at most " + max + " characters" : null;
  }
}
