package dev.firebreak.activities.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Firebreak's own meters, named once, so the Grafana dashboard and the alert rules in {@code
 * infra/monitoring} have one place to agree with. They are recorded in Micrometer's global
 * registry, to which Spring Boot adds the Prometheus registry it serves at {@code
 * /actuator/prometheus}: the static call sites (the shared HTTP code of the integrations, the
 * Slack client) need no bean, and outside an application (unit tests) recording costs nothing.
 */
public final class FirebreakMeters {

  /** Deliveries at an ingestion endpoint; tags {@code endpoint}, {@code outcome}, {@code reason}. */
  public static final String EVENTS = "firebreak.events";
  /** Pages of escalations; tags {@code channel}, {@code outcome} (sent, failed). */
  public static final String PAGES = "firebreak.pages";
  /** From the moment an escalation step began in its workflow to its page being sent. */
  public static final String TIMER_LAG = "firebreak.escalation.timer.lag";
  /** From an incident's first event (or its opening) to its first page sent. */
  public static final String FIRST_PAGE = "firebreak.incident.first.page";
  /** Calls to Slack, PagerDuty, Jira and Confluence; tags {@code system}, {@code outcome}. */
  public static final String CALLS = "firebreak.integration.calls";
  /** Alert groups not resolved (a gauge over the read model). */
  public static final String ALERT_GROUPS_OPEN = "firebreak.alert.groups.open";
  /** Incidents not closed, by {@code priority} (a gauge over the read model). */
  public static final String INCIDENTS_OPEN = "firebreak.incidents.open";

  /** Heartbeat monitors, not muted, that have pinged: pings are due from them. */
  public static final String HEARTBEATS_DUE = "firebreak.heartbeats.due";

  private FirebreakMeters() {}

  static MeterRegistry registry() {
    return Metrics.globalRegistry;
  }

  public static void event(String endpoint, String outcome, String reason) {
    registry().counter(EVENTS, "endpoint", endpoint, "outcome", outcome, "reason", reason)
        .increment();
  }

  public static void page(String channel, String outcome) {
    registry().counter(PAGES, "channel", channel, "outcome", outcome).increment();
  }

  public static void timerLag(Duration lag) {
    timer(TIMER_LAG).record(lag.isNegative() ? Duration.ZERO : lag);
  }

  public static void firstPage(Duration sinceEvent) {
    timer(FIRST_PAGE).record(sinceEvent.isNegative() ? Duration.ZERO : sinceEvent);
  }

  /**
   * Runs one call to {@code system} and records its latency with its outcome: {@code ok}, or the
   * name of the failure the caller throws ({@code error} when it is not one of ours).
   */
  public static <T> T call(String system, Supplier<T> call) {
    long start = System.nanoTime();
    String outcome = "error";
    try {
      T result = call.get();
      outcome = "ok";
      return result;
    } catch (io.temporal.failure.ApplicationFailure failure) {
      outcome = outcome(system, failure.getType());
      throw failure;
    } finally {
      recordCall(system, outcome, System.nanoTime() - start);
    }
  }

  /** Records one call to {@code system} that took {@code nanos}. */
  public static void recordCall(String system, String outcome, long nanos) {
    Timer.builder(CALLS).tag("system", system.toLowerCase()).tag("outcome", outcome)
        .register(registry())
        .record(Duration.ofNanos(nanos));
  }

  /** {@code PagerDutyRateLimited} becomes {@code rate_limited}: a bounded set of tag values. */
  static String outcome(String system, String failureType) {
    if (failureType == null) {
      return "error";
    }
    String kind = failureType.startsWith(system)
        ? failureType.substring(system.length()) : failureType;
    return switch (kind) {
      case "RateLimited" -> "rate_limited";
      case "Unavailable" -> "unavailable";
      case "Unreachable" -> "unreachable";
      case "Refused" -> "refused";
      case "BadAnswer" -> "bad_answer";
      default -> "error";
    };
  }

  private static Timer timer(String name) {
    return Timer.builder(name).publishPercentileHistogram(true)
        .maximumExpectedValue(Duration.ofHours(1))
        .register(registry());
  }
}
