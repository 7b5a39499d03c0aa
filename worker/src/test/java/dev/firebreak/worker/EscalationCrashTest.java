package dev.firebreak.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.firebreak.activities.store.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The promise of durable paging: Firebreak runs as a separate JVM process against a real Temporal
 * dev server and PostgreSQL, with Slack faked by WireMock; the process is killed (SIGKILL) in the
 * middle of an escalation and started again. Every step's page arrives at Slack exactly once.
 */
class EscalationCrashTest {

  static TemporalDevServer temporal;
  static FakeSlack slack;
  static String databaseUrl;
  static Process firebreak;
  static Path log;

  @BeforeAll
  static void infrastructure() throws Exception {
    temporal = TemporalDevServer.start();
    slack = FakeSlack.start();
    String database = "crash_" + System.nanoTime();
    try (Connection c = EmbeddedDatabase.get().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database);
    }
    databaseUrl = EmbeddedDatabase.get().getJdbcUrl("postgres", database);
    log = Files.createTempFile("firebreak-crash", ".log");
  }

  @AfterAll
  static void stop() {
    if (firebreak != null) {
      firebreak.destroyForcibly();
    }
    if (slack != null) {
      slack.server.stop();
    }
    if (temporal != null) {
      temporal.close();
    }
  }

  /** Starts Firebreak (API and workers) as its own JVM on a free port. */
  static Http start() throws IOException {
    int port = freePort();
    ProcessBuilder builder = firebreakJvm(port, log);
    Map<String, String> env = builder.environment();
    env.put("TEMPORAL_ADDRESS", temporal.address());
    env.put("DATABASE_URL", databaseUrl);
    env.put("SLACK_API_URL", slack.apiUrl());
    env.put("SLACK_BOT_TOKEN", FakeSlack.TOKEN);
    firebreak = builder.start();
    return awaitHealthy(firebreak, port, log, Duration.ofSeconds(120));
  }

  /** Firebreak (API and workers) as its own JVM on {@code port}, its console in {@code log}. */
  static ProcessBuilder firebreakJvm(int port, Path log) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"),
        "dev.firebreak.worker.FirebreakApplication", "--server.port=" + port)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
  }

  /** Waits until Firebreak in {@code process} answers its health check on {@code port}. */
  static Http awaitHealthy(Process process, int port, Path log, Duration timeout) {
    Http http = new Http(port);
    await("Firebreak to start (log " + log + ")", timeout, () -> {
      if (!process.isAlive()) {
        throw new AssertionError("Firebreak exited; log " + log);
      }
      try {
        return http.get("/actuator/health").status() == 200;
      } catch (AssertionError notYet) {
        return false;
      }
    });
    return http;
  }

  static void kill() throws InterruptedException {
    firebreak.destroyForcibly();
    assertThat(firebreak.waitFor(30, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aWorkerKilledMidEscalationPagesEveryStepExactlyOnce() throws Exception {
    Http http = start();
    String slackId = "U0CRASH";
    long user = id(http.post("/api/v1/users",
        "{\"name\":\"Crash Ann\",\"email\":\"crash@oncall.test\",\"slackUserId\":\"" + slackId
            + "\"}"));
    long policy = id(http.post("/api/v1/escalation-policies", """
        {"name": "Crash", "repeat": 0,
         "steps": [{"delayMinutes": 1, "targets": [{"type": "user", "id": %d}]},
                   {"delayMinutes": 1, "targets": [{"type": "user", "id": %d}]}]}"""
        .formatted(user, user)));
    long service = id(http.post("/api/v1/services",
        "{\"name\":\"Crash\",\"escalationPolicyId\":" + policy + "}"));
    long incident = id(http.post("/api/v1/incidents",
        "{\"title\":\"Crash test\",\"serviceId\":" + service + "}"));

    await("step 1's page", Duration.ofSeconds(30), () -> slack.messagesTo(slackId).size() == 1);
    await("step 1 on the timeline", Duration.ofSeconds(30), () -> http
        .get("/api/v1/incidents/" + incident).body().contains("Paged Crash Ann via slack (step 1"));
    kill();

    Http restarted = start();
    await("step 2's page", Duration.ofSeconds(90), () -> slack.messagesTo(slackId).size() >= 2);
    assertThat(restarted.post("/api/v1/incidents/" + incident + "/acknowledge", "{}").status())
        .isEqualTo(200);
    Thread.sleep(3000);

    List<LoggedRequest> pages = slack.messagesTo(slackId);
    assertThat(pages).hasSize(2);
    assertThat(pages.get(0).getBodyAsString()).contains("Step 1, round 1");
    assertThat(pages.get(1).getBodyAsString()).contains("Step 2, round 1");
    String timeline = restarted.get("/api/v1/incidents/" + incident).body();
    assertThat(timeline).contains("Paged Crash Ann via slack (step 2, round 1)",
        "Acknowledged by");
    kill();
  }

  static long id(Http.Response created) {
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asLong();
  }

  static void await(String what, Duration timeout, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
