package dev.firebreak.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What an SRE scrapes: after a storm of events on one service (and a few refused ones) whose
 * critical alert opens an incident that pages by Slack, {@code /actuator/prometheus} shows
 * Firebreak's own meters with those numbers, and the Temporal SDK's.
 */
class MetricsEndToEndTest extends EndToEndTest {

  static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
  static final int STORM = 60;

  @Test
  void aStormAndAPageShowInPrometheusMetrics() throws Exception {
    String annSlack = "U0METRIC" + RUN;
    long ann = create("/api/v1/users", "{\"name\":\"Metric-Ann\",\"email\":\"metric-ann" + RUN
        + "@metrics.test\",\"slackUserId\":\"" + annSlack + "\"}");
    long policy = create("/api/v1/escalation-policies", """
        {"name": "Metrics %s", "steps": [{"delayMinutes": 5,
          "targets": [{"type": "user", "id": %d}]}]}""".formatted(RUN, ann));
    Http.Response service = http.post("/api/v1/services",
        "{\"name\":\"Metrics " + RUN + "\",\"escalationPolicyId\":" + policy + "}");
    assertThat(service.status()).as(service.body()).isEqualTo(201);
    String key = service.json().get("integrationKey").asText();
    long serviceId = service.json().get("id").asLong();

    double acceptedBefore = value(scrape(),
        "firebreak_events_total", "endpoint=\"pagerduty\"", "outcome=\"accepted\"");
    double sentBefore = value(scrape(),
        "firebreak_pages_total", "channel=\"slack\"", "outcome=\"sent\"");

    ExecutorService senders = Executors.newFixedThreadPool(8);
    List<Future<Integer>> answers = new ArrayList<>();
    for (int i = 0; i < STORM; i++) {
      answers.add(senders.submit(() -> http.post("/v2/enqueue",
          AlertsEndToEndTest.trigger(key, "metrics-5xx", "critical", "Checkout answers 500"))
          .status()));
    }
    for (Future<Integer> answer : answers) {
      assertThat(answer.get()).isEqualTo(202);
    }
    senders.shutdown();
    assertThat(http.post("/v2/enqueue", "{not json").status()).isEqualTo(400);
    assertThat(http.post("/v2/enqueue", "{\"event_action\":\"trigger\"}").status())
        .isEqualTo(400);
    assertThat(http.post("/api/v1/webhooks/nosuchkey", "{}").status()).isEqualTo(404);

    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .until(() -> FakeSlack.shared().messagesTo(annSlack).size() == 1);

    // the activity counts its page just after Slack took it
    String metrics = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
        .until(this::scrape, now -> value(now, "firebreak_pages_total", "channel=\"slack\"",
            "outcome=\"sent\"") > sentBefore);
    assertThat(value(metrics, "firebreak_events_total", "endpoint=\"pagerduty\"",
        "outcome=\"accepted\"") - acceptedBefore).isEqualTo(STORM);
    assertThat(value(metrics, "firebreak_events_total", "endpoint=\"pagerduty\"",
        "outcome=\"refused\"", "reason=\"invalid\"")).isGreaterThanOrEqualTo(2);
    assertThat(value(metrics, "firebreak_events_total", "endpoint=\"webhook\"",
        "outcome=\"refused\"", "reason=\"unknown_key\"")).isGreaterThanOrEqualTo(1);
    assertThat(value(metrics, "firebreak_pages_total", "channel=\"slack\"", "outcome=\"sent\"")
        - sentBefore).isEqualTo(1);
    assertThat(value(metrics, "firebreak_escalation_timer_lag_seconds_count"))
        .isGreaterThanOrEqualTo(1);
    assertThat(value(metrics, "firebreak_incident_first_page_seconds_count"))
        .isGreaterThanOrEqualTo(1);
    assertThat(value(metrics, "firebreak_integration_calls_seconds_count", "system=\"slack\"",
        "outcome=\"ok\"")).isGreaterThanOrEqualTo(1);
    assertThat(metrics).contains("firebreak_incident_first_page_seconds_bucket");

    // the gauges read the read model: the storm's alert group and its P1 incident are open
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
      String now = scrape();
      return value(now, "firebreak_alert_groups_open") >= 1
          && value(now, "firebreak_incidents_open", "priority=\"P1\"") >= 1;
    });
    assertThat(http.get("/api/v1/alerts?serviceId=" + serviceId).json().get("items").get(0)
        .get("count").asLong()).isEqualTo(STORM);

    // the Temporal SDK's own meters, through the starter's Micrometer scope
    assertThat(metrics).containsPattern("(?m)^temporal_workflow_completed_total|"
        + "^temporal_request_total|^temporal_workflow_task_execution_latency_seconds");
    assertThat(metrics).contains("application=\"firebreak\"");

    // every Firebreak meter the alert rules and the Grafana dashboard ask for is served
    String latest = scrape();
    for (String file : List.of("firebreak-alerts.yaml", "firebreak-dashboard.json")) {
      String text = Files.readString(MONITORING.resolve(file));
      Matcher names = Pattern.compile("firebreak_[a-z_]+").matcher(text);
      int count = 0;
      while (names.find()) {
        count++;
        assertThat(latest).as(file + " asks for " + names.group())
            .containsPattern("(?m)^" + names.group() + "[{ ]");
      }
      assertThat(count).as(file).isGreaterThan(5);
    }
  }

  static final Path MONITORING = Path.of("..", "infra", "monitoring");

  String scrape() {
    Http.Response anonymous = new Http(port, null).get("/actuator/prometheus");
    assertThat(anonymous.status()).as("metrics need a token").isEqualTo(401);
    Http.Response response = http.get("/actuator/prometheus");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("text/plain");
    return response.body();
  }

  /** The sum of the samples of {@code name} whose labels contain every one of {@code labels}. */
  static double value(String metrics, String name, String... labels) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? (\\S+)$")
        .matcher(metrics);
    double sum = 0;
    while (m.find()) {
      String found = m.group(1) == null ? "" : m.group(1);
      boolean all = true;
      for (String label : labels) {
        all &= found.contains(label);
      }
      if (all) {
        sum += Double.parseDouble(m.group(2));
      }
    }
    return sum;
  }
}
