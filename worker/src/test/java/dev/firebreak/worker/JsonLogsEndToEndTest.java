package dev.firebreak.worker;

import static dev.firebreak.worker.EscalationCrashTest.await;
import static dev.firebreak.worker.EscalationCrashTest.freePort;
import static dev.firebreak.worker.EscalationCrashTest.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code LOGGING_FORMAT=json}, set in the environment of a Firebreak JVM of its own (logging is
 * configured once per JVM, so not in a shared test JVM): every console line is a JSON object,
 * and the lines about an incident, whether logged by an activity of its escalation or by the API
 * serving it, carry its id and its workflow's id.
 */
class JsonLogsEndToEndTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static final String NAMESPACE = "firebreak-jsonlogs-e2e";

  @TempDir static Path data;
  static FakeSlack slack;
  static Process firebreak;

  @AfterAll
  static void stop() throws InterruptedException {
    if (firebreak != null) {
      firebreak.destroy();
      firebreak.waitFor(30, TimeUnit.SECONDS);
      firebreak.destroyForcibly();
    }
    if (slack != null) {
      slack.server.stop();
    }
  }

  @Test
  void linesAreJsonAndThoseAboutAnIncidentNameIt() throws Exception {
    slack = FakeSlack.start();
    Path log = Files.createTempFile("firebreak-json", ".log");
    int port = freePort();
    ProcessBuilder builder = EscalationCrashTest.firebreakJvm(port, log);
    Map<String, String> env = builder.environment();
    env.put("LOGGING_FORMAT", "json");
    // a namespace of its own: the workers of this JVM's cached application contexts poll the
    // same task queues on the shared server and would take (and page for) its escalation
    TestNamespaces.use(NAMESPACE);
    env.put("TEMPORAL_ADDRESS", TemporalDevServer.shared().address());
    env.put("TEMPORAL_NAMESPACE", NAMESPACE);
    env.put("FIREBREAK_DATA_DIR", data.toString());
    env.put("SLACK_API_URL", slack.apiUrl());
    env.put("SLACK_BOT_TOKEN", FakeSlack.TOKEN);
    env.put("FIREBREAK_ADMIN_TOKEN", Http.ADMIN_TOKEN);
    env.remove("DATABASE_URL");
    firebreak = builder.start();
    Http http = EscalationCrashTest.awaitHealthy(firebreak, port, log, Duration.ofSeconds(120));

    String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    long ann = id(http.post("/api/v1/users", "{\"name\":\"Json-Ann\",\"email\":\"json-ann"
        + run + "@logs.test\",\"slackUserId\":\"U0JSON\"}"));
    long policy = id(http.post("/api/v1/escalation-policies", """
        {"name": "Json %s", "steps": [{"delayMinutes": 5,
          "targets": [{"type": "user", "id": %d}]}]}""".formatted(run, ann)));
    long service = id(http.post("/api/v1/services",
        "{\"name\":\"Json " + run + "\",\"escalationPolicyId\":" + policy + "}"));
    long incident = id(http.post("/api/v1/incidents",
        "{\"title\":\"Logs in JSON\",\"priority\":\"P2\",\"serviceId\":" + service + "}"));
    await("the page", Duration.ofSeconds(60), () -> slack.messagesTo("U0JSON").size() == 1);

    String paged = "paged user " + ann + " for incident " + incident;
    List<JsonNode> lines = new ArrayList<>();
    await("the page's log line", Duration.ofSeconds(20), () -> {
      lines.clear();
      lines.addAll(jsonLines(log));
      return lines.stream().anyMatch(l -> message(l).startsWith(paged));
    });
    JsonNode line = lines.stream().filter(l -> message(l).startsWith(paged)).findFirst()
        .orElseThrow();
    assertThat(line.path("incidentId").asText()).isEqualTo(Long.toString(incident));
    assertThat(line.path("WorkflowId").asText()).startsWith("escalation-" + incident + "-");
    assertThat(line.path("log").path("level").asText()).isEqualTo("INFO");
    assertThat(line.path("@timestamp").asText()).isNotBlank();

    // every line of one of the incident's workflows carries the incident id
    List<JsonNode> aboutIt = lines.stream().filter(l -> l.path("WorkflowId").asText()
        .matches("(incident|escalation|invite)-" + incident + "(-.*)?")).toList();
    assertThat(aboutIt).isNotEmpty().allSatisfy(l ->
        assertThat(l.path("incidentId").asText()).isEqualTo(Long.toString(incident)));
  }

  static String message(JsonNode line) {
    return line.path("message").asText();
  }

  /** Every line Firebreak wrote to its console, each of which must be a JSON object. */
  static List<JsonNode> jsonLines(Path log) {
    List<JsonNode> lines = new ArrayList<>();
    List<String> all;
    try {
      all = Files.readAllLines(log);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    for (String line : all) {
      if (line.isBlank() || line.startsWith("WARNING: ")) {
        continue; // the JVM's own warnings (e.g. about agents) are not Firebreak's log
      }
      assertThat(line).as("a console line").startsWith("{");
      try {
        lines.add(JSON.readTree(line));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new AssertionError("not JSON: " + line, e);
      }
    }
    return lines;
  }
}
