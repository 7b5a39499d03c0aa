package dev.firebreak.api.slack;

import com.slack.api.bolt.response.Response;
import dev.firebreak.api.problem.ApiException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Slack's requests (slash commands, interactivity, events) at {@code POST /slack/events}. The raw
 * body is read as bytes, the signature checked on exactly those bytes ({@code 401} otherwise),
 * then Bolt routes the request. Without Slack configuration this answers {@code 404}.
 */
@RestController
@Hidden
public class SlackEventsController {

  private static final Logger log = LoggerFactory.getLogger(SlackEventsController.class);

  private final SlackBolt bolt;

  public SlackEventsController(SlackBolt bolt) {
    this.bolt = bolt;
  }

  @PostMapping("/slack/events")
  public ResponseEntity<String> events(HttpServletRequest request) throws Exception {
    if (!bolt.acceptsHttp()) {
      throw ApiException.notFound("Slack is not configured");
    }
    byte[] body = request.getInputStream().readAllBytes();
    SlackSignatureVerifier.Outcome outcome = bolt.verify(
        request.getHeader("X-Slack-Request-Timestamp"), request.getHeader("X-Slack-Signature"),
        body);
    if (outcome != SlackSignatureVerifier.Outcome.VALID) {
      log.warn("refused a Slack request from {}: {}", request.getRemoteAddr(), outcome);
      throw new ApiException(HttpStatus.UNAUTHORIZED,
          "the request is not signed by Slack (" + outcome.name().toLowerCase(Locale.ROOT) + ")");
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(
          Collections.list(request.getHeaders(name))));
    }
    Response response = bolt.handle(request.getRequestURI(), request.getQueryString(), body,
        headers, request.getRemoteAddr());
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(response.getStatusCode());
    if (response.getContentType() != null) {
      answer.contentType(MediaType.parseMediaType(response.getContentType()));
    }
    return answer.body(response.getBody() == null ? "" : response.getBody());
  }
}
