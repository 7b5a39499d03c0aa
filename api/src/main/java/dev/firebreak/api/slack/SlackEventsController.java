package dev.firebreak.api.slack;

import com.slack.api.bolt.response.Response;
import dev.firebreak.api.edge.BodyLimit;
import dev.firebreak.api.problem.ApiException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Slack's requests (slash commands, interactivity, events) at {@code POST /slack/events}. The
 * declared length and the timestamp are checked before the body is read ({@code 413}, {@code
 * 401}), the body is read up to the limit, the signature checked on exactly those bytes ({@code
 * 401} otherwise), a replay of a handled request answered 200 unhandled, then Bolt routes the
 * request. Without Slack configuration this answers {@code 404}.
 */
@RestController
@Hidden
public class SlackEventsController {

  private static final Logger log = LoggerFactory.getLogger(SlackEventsController.class);

  private final SlackBolt bolt;
  private final SlackReplays replays;
  private final int maxBytes;

  public SlackEventsController(SlackBolt bolt, SlackReplays replays,
      @Value("${firebreak.slack.max-body-bytes:1048576}") int maxBytes) {
    this.bolt = bolt;
    this.replays = replays;
    this.maxBytes = maxBytes;
  }

  private static void refuseUnless(SlackSignatureVerifier.Outcome outcome,
      HttpServletRequest request) {
    if (outcome != SlackSignatureVerifier.Outcome.VALID) {
      log.warn("refused a Slack request from {}: {}", request.getRemoteAddr(), outcome);
      throw new ApiException(HttpStatus.UNAUTHORIZED,
          "the request is not signed by Slack (" + outcome.name().toLowerCase(Locale.ROOT) + ")");
    }
  }

  private ApiException tooLarge() {
    return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE,
        "a Slack request body must be at most " + maxBytes + " bytes");
  }

  @PostMapping("/slack/events")
  public ResponseEntity<String> events(HttpServletRequest request) throws Exception {
    if (!bolt.acceptsHttp()) {
      throw ApiException.notFound("Slack is not configured");
    }
    String timestamp = request.getHeader("X-Slack-Request-Timestamp");
    String signature = request.getHeader("X-Slack-Signature");
    if (request.getContentLengthLong() > maxBytes) {
      throw tooLarge();
    }
    refuseUnless(SlackSignatureVerifier.checkHeaders(timestamp, signature, Clock.systemUTC()),
        request);
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(maxBytes + 1);
    } catch (BodyLimit.TooLarge e) {
      throw tooLarge();
    }
    if (body.length > maxBytes) {
      throw tooLarge();
    }
    refuseUnless(bolt.verify(timestamp, signature, body), request);
    if (!replays.firstUse(signature)) {
      log.warn("ignored a replayed Slack request from {}", request.getRemoteAddr());
      return ResponseEntity.ok("");
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
