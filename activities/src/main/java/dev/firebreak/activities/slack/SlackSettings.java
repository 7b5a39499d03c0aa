package dev.firebreak.activities.slack;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slack's configuration: {@code SLACK_BOT_TOKEN}, {@code SLACK_SIGNING_SECRET}, {@code
 * SLACK_API_URL} (default {@code https://slack.com/api/}) and, for Socket Mode instead of HTTP,
 * {@code SLACK_APP_TOKEN}. Slack is enabled when the bot token and either the signing secret or
 * the app token are set; otherwise Firebreak runs without it and {@code /slack/events} is 404.
 */
@Component
public class SlackSettings {

  private final String botToken;
  private final String signingSecret;
  private final String apiUrl;
  private final String appToken;
  private final String command;
  private final List<String> commandAliases;
  private final long channelPaceMillis;
  private final List<String> sosTargets;

  public SlackSettings(
      @Value("${firebreak.slack.bot-token:}") String botToken,
      @Value("${firebreak.slack.signing-secret:}") String signingSecret,
      @Value("${firebreak.slack.api-url:https://slack.com/api/}") String apiUrl,
      @Value("${firebreak.slack.app-token:}") String appToken,
      @Value("${firebreak.slack.command:/incident}") String command,
      @Value("${firebreak.slack.command-aliases:}") List<String> commandAliases,
      @Value("${firebreak.slack.channel-pace-millis:1000}") long channelPaceMillis,
      @Value("${firebreak.slack.sos-targets:}") List<String> sosTargets) {
    this.botToken = trim(botToken);
    this.signingSecret = trim(signingSecret);
    String url = trim(apiUrl).isEmpty() ? "https://slack.com/api/" : trim(apiUrl);
    this.apiUrl = url.endsWith("/") ? url : url + "/";
    this.appToken = trim(appToken);
    this.command = slash(command);
    List<String> aliases = new ArrayList<>();
    for (String alias : commandAliases) {
      if (alias != null && !alias.isBlank()) {
        aliases.add(slash(alias));
      }
    }
    this.commandAliases = List.copyOf(aliases);
    this.channelPaceMillis = channelPaceMillis;
    this.sosTargets = sosTargets.stream().filter(t -> t != null && !t.isBlank()).map(String::trim)
        .toList();
  }

  /** Whom {@code /incident sos} calls: user group ids (S...) and channel ids (C..., G...). */
  public List<String> sosTargets() {
    return sosTargets;
  }

  public boolean enabled() {
    return !botToken.isEmpty() && (!signingSecret.isEmpty() || socketMode());
  }

  /** Socket Mode (a websocket Slack opens to us) instead of HTTP requests to /slack/events. */
  public boolean socketMode() {
    return !appToken.isEmpty();
  }

  public String botToken() {
    return botToken;
  }

  public String signingSecret() {
    return signingSecret;
  }

  public String apiUrl() {
    return apiUrl;
  }

  public String appToken() {
    return appToken;
  }

  /** The slash command, {@code /incident} unless configured. */
  public String command() {
    return command;
  }

  /** Other names the same command answers to. */
  public List<String> commandAliases() {
    return commandAliases;
  }

  /** The least time between two messages Firebreak posts in one channel. */
  public long channelPaceMillis() {
    return channelPaceMillis;
  }

  private static String trim(String value) {
    return value == null ? "" : value.trim();
  }

  private static String slash(String name) {
    String trimmed = trim(name);
    return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
  }
}
