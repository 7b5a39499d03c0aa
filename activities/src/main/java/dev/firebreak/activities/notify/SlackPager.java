package dev.firebreak.activities.notify;

import dev.firebreak.activities.metrics.FirebreakMeters;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Sends Slack direct messages through the Web API's {@code chat.postMessage} at {@code
 * SLACK_API_URL} (default {@code https://slack.com/api/}) with {@code SLACK_BOT_TOKEN}.
 */
@Component
public class SlackPager {

  /** Slack's answer: {@code ok}, and {@code error} when it refused. */
  public record Answer(boolean ok, String error) {}

  private final RestClient client;
  private final String token;

  public SlackPager(
      @Value("${firebreak.slack.api-url:https://slack.com/api/}") String baseUrl,
      @Value("${firebreak.slack.bot-token:}") String token) {
    HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
    requests.setReadTimeout(Duration.ofSeconds(10));
    this.client = RestClient.builder()
        .requestFactory(requests)
        .baseUrl(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/")
        .build();
    this.token = token;
  }

  public boolean configured() {
    return token != null && !token.isBlank();
  }

  /**
   * Posts a DM with Acknowledge and Resolve buttons (action ids {@code incident_acknowledge} and
   * {@code incident_resolve}, the incident id as value). Throws on transport errors and 5xx/429,
   * which are worth retrying; answers Slack's refusals.
   */
  public Answer directMessage(String slackUserId, long incidentId, String text) {
    Map<String, Object> body = Map.of(
        "channel", slackUserId,
        "text", text,
        "blocks", List.of(
            Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", text)),
            Map.of("type", "actions", "block_id", "incident_" + incidentId, "elements", List.of(
                button("Acknowledge", "incident_acknowledge", incidentId, "primary"),
                button("Resolve", "incident_resolve", incidentId, "danger")))));
    long start = System.nanoTime();
    String outcome = "unavailable";
    try {
      Answer answer = client.post()
          .uri("chat.postMessage")
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
          .contentType(MediaType.APPLICATION_JSON)
          .body(body)
          .retrieve()
          .body(Answer.class);
      Answer result = answer == null ? new Answer(false, "empty answer") : answer;
      outcome = result.ok() ? "ok" : "refused";
      return result;
    } finally {
      FirebreakMeters.recordCall("slack", outcome, System.nanoTime() - start);
    }
  }

  /** Posts a plain DM: a bundle of pages or a verification code, nothing to click. */
  public Answer directMessage(String slackUserId, String text) {
    Answer answer = client.post()
        .uri("chat.postMessage")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("channel", slackUserId, "text", text))
        .retrieve()
        .body(Answer.class);
    return answer == null ? new Answer(false, "empty answer") : answer;
  }

  private static Map<String, Object> button(String label, String actionId, long incidentId,
      String style) {
    return Map.of("type", "button", "text", Map.of("type", "plain_text", "text", label),
        "action_id", actionId, "value", String.valueOf(incidentId), "style", style);
  }
}
