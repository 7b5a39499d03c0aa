package dev.firebreak.api.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.bolt.util.SlackRequestParser;
import com.slack.api.socket_mode.SocketModeClient;
import dev.firebreak.activities.slack.SlackApi;
import dev.firebreak.activities.slack.SlackSettings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Firebreak's Slack app: Bolt's {@link App} with every route of the {@link SlackRouter}, built only when Slack is
 * configured (building it talks to Slack). Requests arrive over HTTP at {@code /slack/events},
 * checked by our own {@link SlackSignatureVerifier} before Bolt sees them, or over Socket Mode
 * when {@code SLACK_APP_TOKEN} is set.
 */
@Component
public class SlackBolt implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(SlackBolt.class);

  private final SlackSettings settings;
  private final App app;
  private final SlackRequestParser parser;
  private final SlackSignatureVerifier verifier;
  private SocketModeApp socketMode;

  public SlackBolt(SlackSettings settings, SlackRouter router) {
    this.settings = settings;
    if (!settings.enabled()) {
      this.app = null;
      this.parser = null;
      this.verifier = null;
      log.info("Slack is not configured (SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET or"
          + " SLACK_APP_TOKEN): running without it; /slack/events answers 404");
      return;
    }
    AppConfig config = AppConfig.builder()
        .singleTeamBotToken(settings.botToken())
        .signingSecret(settings.signingSecret().isEmpty() ? null : settings.signingSecret())
        // our verifier has checked every HTTP request before Bolt sees it
        .requestVerificationEnabled(false)
        .slack(SlackApi.slack(settings))
        .build();
    this.app = new App(config);
    router.register(app);
    this.parser = new SlackRequestParser(config);
    this.verifier = settings.signingSecret().isEmpty() ? null
        : new SlackSignatureVerifier(settings.signingSecret(), Clock.systemUTC());
    log.info("Slack is configured: API {}, command {} {}, {}", settings.apiUrl(),
        settings.command(), settings.commandAliases(),
        settings.socketMode() ? "Socket Mode" : "HTTP at /slack/events");
  }

  /** Whether Slack sends its requests to /slack/events (configured, with a signing secret). */
  public boolean acceptsHttp() {
    return app != null && verifier != null;
  }

  public SlackSignatureVerifier.Outcome verify(String timestamp, String signature, byte[] body) {
    return verifier.verify(timestamp, signature, body);
  }

  /** Hands a verified HTTP request to Bolt. */
  public Response handle(String uri, String query, byte[] body, Map<String, List<String>> headers,
      String remoteAddress) throws Exception {
    Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
        .requestUri(uri)
        .queryString(query == null ? Map.of()
            : com.slack.api.bolt.util.QueryStringParser.toMap(query))
        .requestBody(new String(body, StandardCharsets.UTF_8))
        .headers(new RequestHeaders(headers))
        .remoteAddress(remoteAddress)
        .build());
    return app.run(request);
  }

  @EventListener(ApplicationReadyEvent.class)
  public void startSocketMode() {
    if (app != null && settings.socketMode()) {
      try {
        socketMode = new SocketModeApp(settings.appToken(), app,
            SocketModeClient.Backend.JavaWebSocket);
        socketMode.startAsync();
        log.info("Slack Socket Mode started");
      } catch (Exception e) {
        // Slack unreachable must not stop incidents: the rest of Firebreak runs on
        log.error("Slack Socket Mode could not start ({}); Slack commands are unavailable until"
            + " a restart", e.toString());
      }
    }
  }

  @Override
  public void destroy() throws Exception {
    if (socketMode != null) {
      socketMode.close();
    }
  }
}
