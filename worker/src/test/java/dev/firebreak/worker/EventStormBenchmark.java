package dev.firebreak.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.activities.alert.intake.AlertIngestor;
import dev.firebreak.workflows.alert.messages.AlertAction;
import dev.firebreak.workflows.alert.messages.AlertBatch;
import dev.firebreak.workflows.alert.messages.AlertEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The event storm benchmark (not a timed test; skipped unless {@code -Dfirebreak.benchmark=true}):
 * concurrent senders post PagerDuty events over a few dedup keys to {@code /v2/enqueue} of the
 * whole application running against the real Temporal dev server, then, in the same run and on
 * the same server, a bare Temporal client calls {@code signalWithStart} as fast as it can: the
 * ceiling one-signal-per-event ingestion would have. Prints a Markdown report and writes it to
 * {@code worker/target/event-storm.md}. See docs/benchmarks/event-storm.md for how to run it.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "firebreak.benchmark", matches = "true")
class EventStormBenchmark extends EndToEndTest {

  static final int EVENTS = Integer.getInteger("firebreak.benchmark.events", 20_000);
  static final int KEYS = Integer.getInteger("firebreak.benchmark.keys", 50);
  static final int SENDERS = Integer.getInteger("firebreak.benchmark.senders", 64);

  @Autowired JdbcClient jdbc;
  @Autowired AlertIngestor ingestor;

  record Run(String name, int events, double seconds, long[] latenciesNanos, int failures) {
    double rate() {
      return events / seconds;
    }

    double percentileMillis(double p) {
      long[] sorted = latenciesNanos.clone();
      Arrays.sort(sorted);
      int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
      return sorted[Math.max(0, index)] / 1e6;
    }
  }

  @Test
  void storm() throws Exception {
    JsonNode service = http.post("/api/v1/services",
        "{\"name\":\"storm-" + System.nanoTime() + "\",\"opensIncidents\":false}").json();
    long serviceId = service.get("id").asLong();
    String key = service.get("integrationKey").asText();
    HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
    URI enqueue = URI.create("http://127.0.0.1:" + port + "/v2/enqueue");

    // warm up the JIT, connection pools and the workers on other keys
    timed("warm-up", 1_000, SENDERS, i -> post(client, enqueue, key, "warmup-" + (i % KEYS)));

    Instant start = Instant.now();
    long signalsBefore = ingestor.signalsSent();
    Run firebreak = timed("Firebreak /v2/enqueue", EVENTS, SENDERS,
        i -> post(client, enqueue, key, "storm-" + (i % KEYS)));
    // nothing lost: every accepted event is counted in its group, exactly
    await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250))
        .until(() -> stormCount(serviceId) == EVENTS);
    double drained = Duration.between(start, Instant.now()).toMillis() / 1000.0;
    long signals = ingestor.signalsSent() - signalsBefore;
    long groups = jdbc.sql("SELECT count(*) FROM alert_group WHERE service_id = :s"
        + " AND dedup_key LIKE 'storm-%'").param("s", serviceId).query(Long.class).single();
    long rows = jdbc.sql("SELECT count(*) FROM alert_event e JOIN alert_group g"
            + " ON g.id = e.alert_group_id WHERE g.service_id = :s AND g.dedup_key LIKE 'storm-%'")
        .param("s", serviceId).query(Long.class).single();
    long minCount = jdbc.sql("SELECT min(count) FROM alert_group WHERE service_id = :s"
        + " AND dedup_key LIKE 'storm-%'").param("s", serviceId).query(Long.class).single();
    long maxCount = jdbc.sql("SELECT max(count) FROM alert_group WHERE service_id = :s"
        + " AND dedup_key LIKE 'storm-%'").param("s", serviceId).query(Long.class).single();

    // the ceiling: one signalWithStart per event from a bare client, same server, same shape
    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder()
            .setTarget(TemporalDevServer.shared().address()).build());
    WorkflowClient bare = WorkflowClient.newInstance(stubs,
        WorkflowClientOptions.newBuilder().setNamespace("default").build());
    String prefix = "bench-sink-" + System.nanoTime() + "-";
    Instant t0 = Instant.now();
    AlertEvent one = new AlertEvent(AlertAction.TRIGGER, 1, "Queue depth high", "bench",
        "warning", null, t0, t0, null);
    timed("warm-up bare", 1_000, SENDERS, i -> signalWithStart(bare, prefix + "w" + (i % KEYS),
        one, i));
    Run ceiling = timed("bare signalWithStart", EVENTS, SENDERS,
        i -> signalWithStart(bare, prefix + (i % KEYS), one, i));
    for (int k = 0; k < KEYS; k++) {
      for (String id : List.of(prefix + k, prefix + "w" + k)) {
        bare.newUntypedWorkflowStub(id, Optional.empty(), Optional.empty())
            .terminate("benchmark done");
      }
    }
    stubs.shutdown();

    String report = """
        | Run | Events | Keys | Senders | Failed | Seconds | Accepted events/s | p50 ms | p99 ms |
        | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
        %s
        %s

        Nothing lost: %d groups for %d keys, counts %d..%d summing to exactly %d; all counted %.1f s
        after the first event. Firebreak sent %d signals to Temporal for %d events (%.1f events per
        signal); the workflows stored %d event rows (repeats coalesced further while projecting).
        """.formatted(row(firebreak), row(ceiling), groups, KEYS, minCount, maxCount,
        stormCount(serviceId), drained, signals, EVENTS, (double) EVENTS / Math.max(1, signals),
        rows);
    System.out.println("\n" + report);
    Files.writeString(Path.of("target", "event-storm.md"), report);

    assertThat(firebreak.failures()).isZero();
    assertThat(groups).isEqualTo(KEYS);
  }

  long stormCount(long serviceId) {
    return jdbc.sql("SELECT coalesce(sum(count), 0) FROM alert_group WHERE service_id = :s"
        + " AND dedup_key LIKE 'storm-%'").param("s", serviceId).query(Long.class).single();
  }

  static String row(Run r) {
    return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.2f | %.0f | %.1f | %.1f |",
        r.name(), r.events(), KEYS, SENDERS, r.failures(), r.seconds(), r.rate(),
        r.percentileMillis(50), r.percentileMillis(99));
  }

  static void post(HttpClient client, URI uri, String key, String dedupKey) {
    String body = """
        {"routing_key": "%s", "dedup_key": "%s", "event_action": "trigger",
         "payload": {"summary": "Queue depth high", "source": "bench", "severity": "warning",
                     "custom_details": {"depth": 1234}}}""".formatted(key, dedupKey);
    try {
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 202) {
        throw new IllegalStateException(response.statusCode() + " " + response.body());
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static void signalWithStart(WorkflowClient client, String id, AlertEvent event, int i) {
    WorkflowStub stub = client.newUntypedWorkflowStub("BenchmarkSink",
        WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue("firebreak-benchmark-sink")
            .build());
    stub.signalWithStart("events",
        new Object[] {new AlertBatch("b-" + i, List.of(event))}, new Object[] {});
  }

  static Run timed(String name, int events, int senders, IntConsumer send)
      throws InterruptedException {
    long[] latencies = new long[events];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    long start = System.nanoTime();
    for (int s = 0; s < senders; s++) {
      pool.execute(() -> {
        for (int i = next.getAndIncrement(); i < events; i = next.getAndIncrement()) {
          long t = System.nanoTime();
          try {
            send.accept(i);
          } catch (RuntimeException e) {
            failures.incrementAndGet();
          }
          latencies[i] = System.nanoTime() - t;
        }
      });
    }
    pool.shutdown();
    pool.awaitTermination(30, TimeUnit.MINUTES);
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Run(name, events, seconds, latencies, failures.get());
  }
}
