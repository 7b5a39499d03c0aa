package dev.firebreak.worker;

import static dev.firebreak.worker.EscalationCrashTest.await;
import static dev.firebreak.worker.EscalationCrashTest.freePort;
import static dev.firebreak.worker.EscalationCrashTest.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command, {@code infra/dev/run.sh}, from a clean folder: it starts Temporal's
 * dev server with its UI and Firebreak on an embedded PostgreSQL, both keeping their state in the
 * data folder. An incident declared on a service with an escalation policy pages, then the
 * command is stopped with SIGTERM (every process it started ends), started again on the same
 * folder, and the incident is still there, its escalation still running with its timer due.
 */
class RunCommandTest {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  static FakeSlack slack;

  /** A clean folder per test, and ports of its own. */
  @TempDir Path folder;
  Process run;
  Path log;
  int serverPort;
  int temporalPort;
  int uiPort;

  @BeforeAll
  static void fakeSlack() {
    slack = FakeSlack.start();
  }

  @AfterAll
  static void stopSlack() {
    if (slack != null) {
      slack.server.stop();
    }
  }

  @BeforeEach
  void ports() throws IOException {
    log = Files.createTempFile("firebreak-run", ".log");
    serverPort = freePort();
    temporalPort = freePort();
    uiPort = freePort();
  }

  @AfterEach
  void stopRun() throws Exception {
    if (run != null && run.isAlive()) {
      stop();
    }
  }

  /** Runs {@code infra/dev/run.sh} as a user would, with the ports and the folder of this test. */
  Http start() throws IOException {
    return start(null);
  }

  /** The same, with {@code cli} as FIREBREAK_TEMPORAL_CLI when not null. */
  Http start(String cli) throws IOException {
    ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("infra/dev/run.sh").toString())
        .directory(folder.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> env = builder.environment();
    env.put("FIREBREAK_DATA_DIR", folder.resolve("data").toString());
    env.put("SERVER_PORT", Integer.toString(serverPort));
    env.put("TEMPORAL_PORT", Integer.toString(temporalPort));
    env.put("TEMPORAL_UI_PORT", Integer.toString(uiPort));
    env.put("FIREBREAK_CLASSPATH", System.getProperty("java.class.path"));
    env.put("JAVA_OPTS", "-Xmx512m -XX:TieredStopAtLevel=1");
    env.put("SLACK_API_URL", slack.apiUrl());
    env.put("SLACK_BOT_TOKEN", FakeSlack.TOKEN);
    env.put("FIREBREAK_ADMIN_TOKEN", Http.ADMIN_TOKEN);
    if (cli != null) {
      env.put("FIREBREAK_TEMPORAL_CLI", cli);
    }
    env.remove("TEMPORAL_ADDRESS");
    env.remove("DATABASE_URL");
    run = builder.start();
    return EscalationCrashTest.awaitHealthy(run, serverPort, log, Duration.ofSeconds(180));
  }

  /** SIGTERM to run.sh, as Ctrl-C or a service manager would: every process it started ends. */
  void stop() throws Exception {
    List<ProcessHandle> started = run.descendants().toList();
    run.destroy();
    assertThat(run.waitFor(90, TimeUnit.SECONDS)).as("run.sh ends; log " + log).isTrue();
    for (ProcessHandle child : started) {
      assertThat(child.onExit().get(30, TimeUnit.SECONDS).isAlive())
          .as("process " + child.pid() + " " + child.info().command().orElse("")).isFalse();
    }
  }

  @Test
  void stateAndRunningWorkflowsSurviveARestart() throws Exception {
    Http http = start();
    assertThat(Files.readString(log)).contains("Temporal UI on http://localhost:" + uiPort,
        "persistent embedded server with its data in " + folder.resolve("data/postgres"));
    assertThat(new Http(uiPort).get("/").status()).isEqualTo(200);

    long ann = id(http.post("/api/v1/users",
        "{\"name\":\"Run-Ann\",\"email\":\"run-ann@run.test\",\"slackUserId\":\"U0RUN\"}"));
    long policy = id(http.post("/api/v1/escalation-policies", """
        {"name": "Run", "steps": [{"delayMinutes": 30,
          "targets": [{"type": "user", "id": %d}]}]}""".formatted(ann)));
    long service = id(http.post("/api/v1/services",
        "{\"name\":\"Run\",\"escalationPolicyId\":" + policy + "}"));
    long incident = id(http.post("/api/v1/incidents",
        "{\"title\":\"Survives a restart\",\"priority\":\"P1\",\"serviceId\":" + service + "}"));
    await("the first page", Duration.ofSeconds(60), () -> slack.messagesTo("U0RUN").size() == 1);
    stop();
    assertThat(Files.readString(log)).contains("run.sh: stopped");

    Http again = start();
    Http.Response found = again.get("/api/v1/incidents/" + incident);
    assertThat(found.status()).as(found.body()).isEqualTo(200);
    assertThat(found.json().get("title").asText()).isEqualTo("Survives a restart");
    assertThat(again.get("/api/v1/escalation-policies/" + policy).status()).isEqualTo(200);

    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + temporalPort).build());
    try {
      WorkflowClient client = WorkflowClient.newInstance(stubs);
      assertThat(status(stubs, "incident-" + incident))
          .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
      String escalation = "escalation-" + incident + "-1";
      assertThat(status(stubs, escalation))
          .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
      // the step's 30-minute wait is pending (started, once the restarted worker got to it)
      await("the step's 30-minute timer", Duration.ofSeconds(60), () -> {
        List<HistoryEvent> events = client.fetchHistory(escalation).getEvents();
        long timers = events.stream()
            .filter(e -> e.getEventType() == EventType.EVENT_TYPE_TIMER_STARTED).count();
        long fired = events.stream()
            .filter(e -> e.getEventType() == EventType.EVENT_TYPE_TIMER_FIRED).count();
        return timers > fired;
      });
      assertThat(status(stubs, escalation))
          .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    } finally {
      stubs.shutdownNow();
    }
    // paged once, not again after the restart
    assertThat(slack.messagesTo("U0RUN")).hasSize(1);
    stop();
  }

  /** Without a Temporal CLI it still runs, on the in-process server, and says what is lost. */
  @Test
  void withoutTheTemporalCliItFallsBackAndSaysSo() throws Exception {
    Http http = start(folder.resolve("no-such-temporal").toString());
    assertThat(Files.readString(log)).contains(
        "WARNING: the Temporal CLI could not be had: falling back to Temporal's in-process server",
        "running workflows do NOT survive a restart",
        "Temporal: in-process server on 127.0.0.1:");
    assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
    stop();
  }

  static WorkflowExecutionStatus status(WorkflowServiceStubs stubs, String workflowId) {
    return stubs.blockingStub().describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder().setNamespace("default")
                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                .build())
        .getWorkflowExecutionInfo().getStatus();
  }
}
