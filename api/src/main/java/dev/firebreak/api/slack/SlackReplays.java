package dev.firebreak.api.slack;

import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The signatures of the Slack requests handled within the signature's window. A signature seen
 * again is a replay (someone resending a captured request, or a proxy retrying it): the same
 * timestamp and body, so it is answered without being handled twice. Slack's own retries are
 * signed anew, with a new timestamp, and pass. Bounded: entries leave once their window is past.
 */
@Component
public class SlackReplays {

  static final int MAX_ENTRIES = 100_000;

  private final Clock clock;
  private final Map<String, Long> seen = new LinkedHashMap<>();

  public SlackReplays() {
    this(Clock.systemUTC());
  }

  SlackReplays(Clock clock) {
    this.clock = clock;
  }

  /** True the first time {@code signature} is offered within its window, false after. */
  public synchronized boolean firstUse(String signature) {
    long now = clock.millis();
    long window = SlackSignatureVerifier.TOLERANCE.toMillis() * 2;
    for (Iterator<Long> it = seen.values().iterator(); it.hasNext(); ) {
      if (it.next() + window >= now && seen.size() < MAX_ENTRIES) {
        break;
      }
      it.remove();
    }
    return seen.putIfAbsent(signature.trim(), now) == null;
  }
}
