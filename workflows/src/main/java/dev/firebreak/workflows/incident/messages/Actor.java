package dev.firebreak.workflows.incident.messages;

import java.util.Locale;

/**
 * Who changes an incident, and through which channel: every command names one, so that the
 * timeline can say "acknowledged by Alice via Slack". {@code userId} is the Firebreak user when
 * known (null for an anonymous REST call or an alert).
 */
public record Actor(Long userId, String name, Channel channel) {

  /** The ways into Firebreak a change can come through. */
  public enum Channel {
    API("the API"),
    WEB("the web app"),
    SLACK("Slack"),
    ALERT("alerting"),
    SMS("SMS"),
    VOICE("a phone call"),
    EMAIL("email");

    private final String label;

    Channel(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public Actor {
    if (channel == null) {
      throw new IllegalArgumentException("an actor needs a channel");
    }
  }

  public static Actor of(String name, Channel channel) {
    return new Actor(null, name, channel);
  }

  /** The name shown on the timeline: the given one, else the user's id, else "someone". */
  public String displayName() {
    if (name != null && !name.isBlank()) {
      return name;
    }
    return userId != null ? "user " + userId : "someone";
  }

  /** "Alice via Slack": who, and through which channel. */
  public String describe() {
    return displayName() + " via " + channel.label();
  }

  /** The channel in lower case, as a word for ids and logs ({@code slack}, {@code api}). */
  public String channelWord() {
    return channel.name().toLowerCase(Locale.ROOT);
  }
}
