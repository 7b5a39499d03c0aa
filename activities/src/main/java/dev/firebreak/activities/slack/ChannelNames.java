package dev.firebreak.activities.slack;

import java.text.Normalizer;
import java.util.Locale;

/** Slack channel names for incidents: {@code inc-<id>-<slugged-title>}, at most 80 characters. */
public final class ChannelNames {

  public static final int MAX = 80;

  private ChannelNames() {}

  public static String forIncident(long id, String title) {
    String prefix = "inc-" + id;
    String slug = slug(title);
    if (slug.isEmpty()) {
      return prefix;
    }
    String name = prefix + "-" + slug;
    if (name.length() > MAX) {
      name = name.substring(0, MAX);
    }
    return name.replaceAll("-+$", "");
  }

  /** Lower case ASCII letters, digits and single hyphens: "Café: 500s!" is "cafe-500s". */
  public static String slug(String text) {
    if (text == null) {
      return "";
    }
    String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    return ascii.toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-+|-+$", "");
  }
}
