package dev.firebreak.activities.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import dev.firebreak.activities.metrics.FirebreakMeters;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * The Slack Web API client every Slack side effect goes through: the configured URL (a fake in
 * tests), Slack's errors as {@link SlackCallFailed} (a 429 carries its {@code Retry-After}), and
 * per-channel pacing so that no channel gets more than one message per pace interval from us.
 */
@Component
public class SlackApi {

  /** Errors a later attempt may not see. Anything else Slack answers is permanent. */
  private static final Set<String> TRANSIENT =
      Set.of("ratelimited", "internal_error", "fatal_error", "request_timeout",
          "service_unavailable", "team_added_to_org");

  /** Something a Slack call does once per argument. */
  @FunctionalInterface
  public interface Call<T extends SlackApiTextResponse> {
    T call(MethodsClient methods) throws IOException, SlackApiException;
  }

  private final SlackSettings settings;
  private final ConcurrentMap<String, Long> nextPostAt = new ConcurrentHashMap<>();
  private volatile MethodsClient methods;

  public SlackApi(SlackSettings settings) {
    this.settings = settings;
  }

  public SlackSettings settings() {
    return settings;
  }

  /** A {@link Slack} pointed at the configured URL, as Bolt's App also uses it. */
  public static Slack slack(SlackSettings settings) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(settings.apiUrl());
    config.setPrettyResponseLoggingEnabled(false);
    return Slack.getInstance(config);
  }

  MethodsClient methods() {
    if (!settings.enabled()) {
      throw new SlackCallFailed("slack", "Slack is not configured (SLACK_BOT_TOKEN)", false, null,
          null);
    }
    MethodsClient current = methods;
    if (current == null) {
      synchronized (this) {
        if (methods == null) {
          methods = slack(settings).methods(settings.botToken());
        }
        current = methods;
      }
    }
    return current;
  }

  /**
   * Calls Slack; an answer that is not {@code ok} throws {@link SlackCallFailed}. Latency and
   * outcome are recorded as {@link FirebreakMeters#CALLS} with system {@code slack}.
   */
  public <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
    long start = System.nanoTime();
    String outcome = "error";
    try {
      T response = send(method, call);
      outcome = "ok";
      return response;
    } catch (SlackCallFailed failed) {
      outcome = "ratelimited".equals(failed.error()) ? "rate_limited"
          : failed.retryable() ? "unavailable" : "refused";
      throw failed;
    } finally {
      FirebreakMeters.recordCall("slack", outcome, System.nanoTime() - start);
    }
  }

  private <T extends SlackApiTextResponse> T send(String method, Call<T> call) {
    T response;
    try {
      response = call.call(methods());
    } catch (SlackApiException e) {
      int status = e.getResponse() == null ? 0 : e.getResponse().code();
      Duration retryAfter = null;
      if (status == 429) {
        retryAfter = Duration.ofSeconds(retryAfterSeconds(e));
      }
      String error = e.getError() != null && e.getError().getError() != null
          ? e.getError().getError() : "HTTP " + status;
      throw new SlackCallFailed(method, status == 429 ? "ratelimited" : error,
          status == 429 || status >= 500 || TRANSIENT.contains(error), retryAfter, e);
    } catch (IOException e) {
      throw new SlackCallFailed(method, "I/O error: " + e.getMessage(), true, null, e);
    }
    if (!response.isOk()) {
      String error = response.getError();
      throw new SlackCallFailed(method, error, TRANSIENT.contains(error), null, null);
    }
    return response;
  }

  /**
   * Calls Slack to post in {@code channel}, no sooner than the pace interval after our previous
   * post there (Slack allows about one message per second per channel).
   */
  public <T extends SlackApiTextResponse> T post(String method, String channel, Call<T> call) {
    pace(channel);
    return call(method, call);
  }

  private void pace(String channel) {
    long pace = settings.channelPaceMillis();
    if (pace <= 0) {
      return;
    }
    long now = System.currentTimeMillis();
    long slot = nextPostAt.merge(channel, now + pace,
        (previous, ignored) -> Math.max(previous, now) + pace) - pace;
    long wait = slot - now;
    if (wait > 0) {
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SlackCallFailed("pace", "interrupted", true, null, e);
      }
    }
  }

  private static long retryAfterSeconds(SlackApiException e) {
    String header = e.getResponse().header("Retry-After");
    try {
      return header == null ? 30 : Math.max(1, Long.parseLong(header.trim()));
    } catch (NumberFormatException notSeconds) {
      return 30;
    }
  }

  /**
   * The failure an activity throws for a failed call: retryable ones after Slack's
   * {@code Retry-After} when it gave one, permanent ones not retried at all.
   */
  public static ApplicationFailure activityFailure(SlackCallFailed failed) {
    String type = "SlackCallFailed:" + failed.error();
    if (!failed.retryable()) {
      return ApplicationFailure.newNonRetryableFailureWithCause(failed.getMessage(), type, null);
    }
    if (failed.retryAfter() != null) {
      return ApplicationFailure.newFailureWithCauseAndDelay(
          failed.getMessage(), type, null, failed.retryAfter());
    }
    return ApplicationFailure.newFailureWithCause(failed.getMessage(), type, null);
  }
}
