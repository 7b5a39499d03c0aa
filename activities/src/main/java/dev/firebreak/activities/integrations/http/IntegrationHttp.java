package dev.firebreak.activities.integrations.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebreak.activities.metrics.FirebreakMeters;
import io.temporal.failure.ApplicationFailure;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * What the PagerDuty, Jira and Confluence clients share: a {@link RestClient} with timeouts, JSON
 * as text (so the payloads are exactly what we wrote), and the translation of HTTP failures into
 * Temporal's retry decisions:
 *
 * <ul>
 *   <li>429: retried after the server's {@code Retry-After} (seconds or an HTTP date);
 *   <li>408, 5xx and unreachable: retried with the activity's backoff;
 *   <li>any other 4xx: not retried, retrying cannot fix it (bad credentials, unknown project...).
 * </ul>
 */
public final class IntegrationHttp {

  public static final ObjectMapper JSON = new ObjectMapper();

  static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(10);
  static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);

  private IntegrationHttp() {}

  public static RestClient client(String baseUrl, Consumer<HttpHeaders> headers) {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
    requests.setReadTimeout(Duration.ofSeconds(30));
    return RestClient.builder()
        .baseUrl(baseUrl)
        .requestFactory(requests)
        .defaultHeaders(headers)
        .build();
  }

  /**
   * Runs one request of {@code system} and parses its JSON answer (missing when empty); its
   * latency and outcome are recorded as {@link FirebreakMeters#CALLS}.
   */
  public static JsonNode call(String system, Supplier<String> request) {
    return FirebreakMeters.call(system, () -> parse(system, request));
  }

  private static JsonNode parse(String system, Supplier<String> request) {
    String body;
    try {
      body = request.get();
    } catch (RestClientResponseException e) {
      throw failure(system, e);
    } catch (ResourceAccessException e) {
      throw ApplicationFailure.newFailure(
          system + " is unreachable: " + e.getMessage(), system + "Unreachable");
    }
    if (body == null || body.isBlank()) {
      return JSON.missingNode();
    }
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApplicationFailure.newFailure(
          system + " answered something that is not JSON: " + abbreviate(body), system + "BadAnswer");
    }
  }

  public static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static ApplicationFailure failure(String system, RestClientResponseException e) {
    int status = e.getStatusCode().value();
    String message =
        system + " answered " + status + ": " + abbreviate(e.getResponseBodyAsString());
    if (status == 429) {
      Duration delay = retryAfter(e.getResponseHeaders());
      return ApplicationFailure.newFailureWithCauseAndDelay(
          message + " (retrying in " + delay.toSeconds() + " s)", system + "RateLimited", null,
          delay);
    }
    if (status == 408 || status >= 500) {
      return ApplicationFailure.newFailure(message, system + "Unavailable");
    }
    return ApplicationFailure.newNonRetryableFailure(message, system + "Refused");
  }

  static Duration retryAfter(HttpHeaders headers) {
    String value = headers == null ? null : headers.getFirst(HttpHeaders.RETRY_AFTER);
    if (value == null || value.isBlank()) {
      return DEFAULT_RETRY_AFTER;
    }
    Duration delay;
    try {
      delay = Duration.ofSeconds(Long.parseLong(value.trim()));
    } catch (NumberFormatException notSeconds) {
      try {
        delay = Duration.between(java.time.Instant.now(),
            ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
      } catch (DateTimeParseException notADate) {
        return DEFAULT_RETRY_AFTER;
      }
    }
    if (delay.isNegative() || delay.isZero()) {
      return Duration.ofSeconds(1);
    }
    return delay.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : delay;
  }

  /** {@code https://} is assumed when a base URL is given as a bare host. */
  public static String withScheme(String url) {
    if (url == null || url.isBlank()) {
      return url;
    }
    String trimmed = url.trim();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.contains("://") ? trimmed : "https://" + trimmed;
  }

  public static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() ? null : value.asText();
  }

  private static String abbreviate(String body) {
    if (body == null) {
      return "";
    }
    String oneLine = body.replaceAll("\\s+", " ").trim();
    return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
  }
}
