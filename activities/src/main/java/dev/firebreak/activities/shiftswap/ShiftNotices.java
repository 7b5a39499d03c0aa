package dev.firebreak.activities.shiftswap;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Tells people of shift requests by Slack DM ({@code chat.postMessage} to their Slack id), with
 * the Slack settings the pager uses. Best effort, after the request is stored: a notice that
 * fails is logged and the request stands (the schedule's JSON and the request list show it).
 */
@Component
public class ShiftNotices {

  private static final Logger log = LoggerFactory.getLogger(ShiftNotices.class);

  private final RestClient client;
  private final String token;

  public ShiftNotices(
      @Value("${firebreak.slack.api-url:https://slack.com/api/}") String baseUrl,
      @Value("${firebreak.slack.bot-token:}") String token) {
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build());
    requests.setReadTimeout(Duration.ofSeconds(10));
    this.client = RestClient.builder().requestFactory(requests)
        .baseUrl(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/").build();
    this.token = token;
  }

  /** Sends {@code text} to {@code slackUserId}; false when Slack is off, refused or failed. */
  public boolean tell(String slackUserId, String text) {
    if (slackUserId == null || token == null || token.isBlank()) {
      return false;
    }
    try {
      Map<?, ?> answer = client.post().uri("chat.postMessage")
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
          .contentType(MediaType.APPLICATION_JSON)
          .body(Map.of("channel", slackUserId, "text", text))
          .retrieve().body(Map.class);
      boolean ok = answer != null && Boolean.TRUE.equals(answer.get("ok"));
      if (!ok) {
        log.warn("shift notice to {} refused: {}", slackUserId, answer);
      }
      return ok;
    } catch (RuntimeException e) {
      log.warn("shift notice to {} failed: {}", slackUserId, e.getMessage());
      return false;
    }
  }
}
