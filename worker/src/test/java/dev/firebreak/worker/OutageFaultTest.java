package dev.firebreak.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.commons.io.FileUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Faults during an alert storm, against the real Temporal dev server and a real PostgreSQL, both
 * stopped and started again on the same port and data: PostgreSQL for 20 s and for 60 s, Temporal
 * for 20 s. Senders behave as monitoring tools do: an event answered 503 is sent again until it is
 * answered 202. Afterwards every 202 is counted exactly once (each key's group counts exactly the
 * events sent on it), no dedup key is split into two groups, no workflow failed, and while the
 * outage lasted senders were told so within 2 s (503 with Retry-After), and no answer came late.
 *
 * <p>Firebreak runs in this JVM, in its own application context pointed at these servers
 * (command-line properties, so nothing leaks into other tests' contexts).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutageFaultTest {

  /** A storm: 200 events over 10 keys from 8 senders. */
  static final int KEYS = 10;
  static final int PER_KEY = 20;
  static final int SENDERS = 8;
  /** "503 within 2 s", with a little room for a two-core machine running other builds. */
  static final long FAST_MILLIS = 2_500;
  /**
   * No answer is late: a 202 waits at most for the accept timeout (5 s), never the 25 s seen before
   * (a sender that gives up and resends would count its event twice).
   */
  static final long NEVER_LATER_MILLIS = 6_000;

  static Path temporalData;
  static TemporalDevServer temporal;
  static RestartablePostgres postgres;
  static ConfigurableApplicationContext firebreak;
  static Http http;
  static String base;
  static final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws IOException {
    temporalData = Files.createTempDirectory("firebreak-fault-temporal");
    temporal = TemporalDevServer.persistent(temporalData.resolve("temporal.db"));
    postgres = new RestartablePostgres();
    firebreak = new SpringApplicationBuilder(FirebreakApplication.class).run(
        "--server.port=0",
        "--TEMPORAL_ADDRESS=" + temporal.address(),
        "--DATABASE_URL=" + postgres.jdbcUrl(),
        "--SLACK_BOT_TOKEN=",
        "--TEMPORAL_UI_URL=");
    int port = firebreak.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    http = new Http(port);
    base = "http://127.0.0.1:" + port;
  }

  @AfterAll
  static void stop() throws IOException {
    if (firebreak != null) {
      firebreak.close();
    }
    if (postgres != null) {
      postgres.close();
    }
    if (temporal != null) {
      temporal.close();
    }
    if (temporalData != null) {
      FileUtils.deleteDirectory(temporalData.toFile());
    }
  }

  @Test
  @Order(1)
  void postgresStoppedFor20SecondsDuringAStorm() throws Exception {
    stormThrough("pg20", Duration.ofSeconds(20), postgres::stop, postgres::start);
  }

  @Test
  @Order(2)
  void temporalStoppedFor20SecondsDuringAStorm() throws Exception {
    stormThrough("temporal20", Duration.ofSeconds(20), temporal::close,
        () -> temporal = temporal.restart());
  }

  @Test
  @Order(3)
  void postgresStoppedFor60SecondsDuringAStorm() throws Exception {
    stormThrough("pg60", Duration.ofSeconds(60), postgres::stop, postgres::start);
  }

  interface Step {
    void run() throws Exception;
  }

  /** One answer a sender got: what, how long it took, and whether Retry-After came with a 503. */
  record Answer(String path, int status, long millis, boolean retryAfter, String body) {}

  private void stormThrough(String name, Duration outage, Step down, Step up) throws Exception {
    JsonNode service = created(http.post("/api/v1/services",
        "{\"name\":\"" + name + "-" + ThreadLocalRandom.current().nextInt(1_000_000) + "\"}"));
    long serviceId = service.get("id").asLong();
    String routingKey = service.get("integrationKey").asText();
    // the probes of the other signal endpoints go to a service of their own
    long probeService = created(http.post("/api/v1/services",
        "{\"name\":\"" + name + "-probes-" + ThreadLocalRandom.current().nextInt(1_000_000)
            + "\"}")).get("id").asLong();
    String alertmanagerKey = created(http.post("/api/v1/receive-channels",
        "{\"name\":\"" + name + " am\",\"type\":\"alertmanager\",\"serviceId\":"
            + probeService + "}")).get("key").asText();
    String heartbeatKey = created(http.post("/api/v1/heartbeats",
        "{\"name\":\"" + name + " hb\",\"serviceId\":" + probeService
            + ",\"intervalSeconds\":3600}")).get("key").asText();

    List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
    // the storm spans the outage: each sender spreads its events over it and some time around it
    long paceMillis = (outage.toMillis() + 8_000) / (KEYS * PER_KEY / SENDERS);
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    List<Future<?>> storm = new ArrayList<>();
    for (int s = 0; s < SENDERS; s++) {
      int sender = s;
      storm.add(senders.submit(() -> {
        for (int i = sender; i < KEYS * PER_KEY; i += SENDERS) {
          String body = AlertsEndToEndTest.trigger(routingKey, name + "-" + (i % KEYS), "warning",
              "Queue depth high");
          sendUntilAccepted("/v2/enqueue", body, answers);
          Thread.sleep(paceMillis);
        }
        return null;
      }));
    }

    Thread.sleep(3_000);
    down.run();
    long downSince = System.nanoTime();
    Thread.sleep(2_000);
    // the other signal endpoints answer the same way while it is down
    List<Answer> others = List.of(
        send("/api/v1/integrations/alertmanager/" + alertmanagerKey,
            RecordedAlertmanager.payload(name + "-am")),
        send("/api/v1/heartbeats/" + heartbeatKey + "/ping", ""));
    Thread.sleep(Math.max(0, outage.toMillis() - (System.nanoTime() - downSince) / 1_000_000));
    up.run();

    for (Future<?> sender : storm) {
      sender.get();
    }
    senders.shutdown();

    List<Answer> all = new ArrayList<>(answers);
    all.addAll(others);
    for (Answer other : others) {
      assertThat(other.status()).as(other.toString()).isEqualTo(503);
    }
    assertThat(all).allSatisfy(a -> {
      assertThat(a.status()).as(a.toString()).isIn(202, 503);
      assertThat(a.millis()).as("never late: " + a).isLessThan(NEVER_LATER_MILLIS);
      if (a.status() == 503) {
        assertThat(a.millis()).as("503 fast: " + a).isLessThan(FAST_MILLIS);
        assertThat(a.retryAfter()).as("Retry-After: " + a).isTrue();
      }
    });
    long refused = answers.stream().filter(a -> a.status() == 503).count();
    assertThat(refused).as("senders were told to retry while it was down").isPositive();
    assertThat(answers.stream().filter(a -> a.status() == 202).count())
        .isEqualTo((long) KEYS * PER_KEY);

    // every 202 counted exactly once, one group per key
    await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1)).until(() ->
        countsOf(serviceId).stream().mapToLong(Long::longValue).sum() == (long) KEYS * PER_KEY);
    JsonNode page = http.get("/api/v1/alerts?serviceId=" + serviceId + "&limit=200").json();
    List<String> keys = new ArrayList<>();
    page.get("items").forEach(a -> {
      keys.add(a.get("dedupKey").asText());
      assertThat(a.get("count").asLong()).as(a.toString()).isEqualTo(PER_KEY);
    });
    assertThat(keys).as("no dedup key split").doesNotHaveDuplicates().hasSize(KEYS);

    // no workflow failed, timed out or was terminated
    WorkflowClient workflows = firebreak.getBean(WorkflowClient.class);
    List<String> broken = new ArrayList<>();
    workflows.listExecutions("ExecutionStatus='Failed' OR ExecutionStatus='TimedOut'"
        + " OR ExecutionStatus='Terminated'")
        .forEach(e -> broken.add(e.getWorkflowType() + " " + e.getExecution().getWorkflowId()
            + " " + e.getStatus()));
    assertThat(broken).as("failed workflows").isEmpty();
    System.out.printf("%s: %d answers, %d of them 503 (slowest %d ms), slowest 202 %d ms%n",
        name, all.size(), refused, slowest(all, 503), slowest(all, 202));
  }

  private static long slowest(List<Answer> answers, int status) {
    return answers.stream().filter(a -> a.status() == status).mapToLong(Answer::millis).max()
        .orElse(0);
  }

  private List<Long> countsOf(long serviceId) {
    Http.Response page = http.get("/api/v1/alerts?serviceId=" + serviceId + "&limit=200");
    if (page.status() != 200) {
      return List.of(); // the database may still be coming back
    }
    List<Long> counts = new ArrayList<>();
    page.json().get("items").forEach(a -> counts.add(a.get("count").asLong()));
    return counts;
  }

  /** Sends as a monitoring tool does: again after a 503, until the event is accepted. */
  private static void sendUntilAccepted(String path, String body, List<Answer> answers)
      throws InterruptedException {
    while (true) {
      Answer answer = send(path, body);
      answers.add(answer);
      if (answer.status() != 503) {
        return;
      }
      Thread.sleep(1_000);
    }
  }

  private static Answer send(String path, String body) {
    long started = System.nanoTime();
    try {
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path))
              .header("Content-Type", "application/json")
              .timeout(Duration.ofSeconds(30))
              .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Answer(path, response.statusCode(), (System.nanoTime() - started) / 1_000_000,
          response.headers().firstValue("Retry-After").isPresent(), response.body());
    } catch (IOException e) {
      return new Answer(path, -1, (System.nanoTime() - started) / 1_000_000, false, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static JsonNode created(Http.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json();
  }

  /** A minimal Alertmanager (version 4) webhook with one firing alert. */
  static final class RecordedAlertmanager {
    static String payload(String alertName) {
      return """
          {"version": "4", "groupKey": "{}:{alertname=\\"%s\\"}", "status": "firing",
           "receiver": "firebreak", "groupLabels": {"alertname": "%s"},
           "commonLabels": {"alertname": "%s"}, "commonAnnotations": {},
           "externalURL": "http://alertmanager.example.com:9093",
           "alerts": [{"status": "firing", "labels": {"alertname": "%s", "severity": "warning"},
             "annotations": {"summary": "%s"}, "startsAt": "2026-01-01T00:00:00Z",
             "endsAt": "0001-01-01T00:00:00Z", "fingerprint": "f%s"}]}"""
          .formatted(alertName, alertName, alertName, alertName, alertName,
              Integer.toHexString(alertName.hashCode()));
    }
  }
}
