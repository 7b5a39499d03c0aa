package dev.firebreak.activities.slack;

import java.time.Duration;

/**
 * A Slack Web API call that did not succeed: Slack's error code (or the HTTP problem), whether a
 * retry may help, and how long Slack asked us to wait ({@code Retry-After} of a 429).
 */
public class SlackCallFailed extends RuntimeException {

  private final String method;
  private final String error;
  private final boolean retryable;
  private final Duration retryAfter;

  public SlackCallFailed(String method, String error, boolean retryable, Duration retryAfter,
      Throwable cause) {
    super(method + " failed: " + error, cause);
    this.method = method;
    this.error = error;
    this.retryable = retryable;
    this.retryAfter = retryAfter;
  }

  public String method() {
    return method;
  }

  /** Slack's error code, e.g. {@code channel_not_found}, {@code ratelimited}. */
  public String error() {
    return error;
  }

  public boolean retryable() {
    return retryable;
  }

  /** Null unless Slack said when to come back. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
