package dev.firebreak.workflows.notify.messages;

import java.time.Instant;

/**
 * What came of one send. {@code SENT} also when an earlier attempt or a bundle sent it; {@code
 * FAILED} for a refusal or a method that cannot be used (unverified, deleted); {@code STOPPED}
 * when the incident was acknowledged or resolved before it was due; {@code LIMITED} when the
 * method's rate limit is reached: the page waits in a bundle until {@code retryAt}.
 */
public record SendOutcome(Status status, String detail, Instant retryAt) {

  /** The kinds of outcome. */
  public enum Status { SENT, FAILED, STOPPED, LIMITED }

  public static SendOutcome sent(String detail) {
    return new SendOutcome(Status.SENT, detail, null);
  }

  public static SendOutcome failed(String detail) {
    return new SendOutcome(Status.FAILED, detail, null);
  }

  public static SendOutcome stopped(String detail) {
    return new SendOutcome(Status.STOPPED, detail, null);
  }

  public static SendOutcome limited(String detail, Instant retryAt) {
    return new SendOutcome(Status.LIMITED, detail, retryAt);
  }
}
