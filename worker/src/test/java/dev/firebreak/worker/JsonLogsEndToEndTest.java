package dev.firebreak.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * {@code LOGGING_FORMAT=json}: every console line is a JSON object, and the lines about an
 * incident, whether logged by an activity of its escalation or by the API serving it, carry its
 * id and its workflow's id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "LOGGING_FORMAT=json")
@ExtendWith(OutputCaptureExtension.class)
class JsonLogsEndToEndTest extends EndToEndTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();

  @Test
  void linesAreJsonAndThoseAboutAnIncidentNameIt(CapturedOutput output) {
    String slackUser = "U0JSON" + RUN;
    long ann = create("/api/v1/users", "{\"name\":\"Json-Ann\",\"email\":\"json-ann" + RUN
        + "@logs.test\",\"slackUserId\":\"" + slackUser + "\"}");
    long policy = create("/api/v1/escalation-policies", """
        {"name": "Json %s", "steps": [{"delayMinutes": 5,
          "targets": [{"type": "user", "id": %d}]}]}""".formatted(RUN, ann));
    long service = create("/api/v1/services",
        "{\"name\":\"Json " + RUN + "\",\"escalationPolicyId\":" + policy + "}");
    long incident = create("/api/v1/incidents",
        "{\"title\":\"Logs in JSON\",\"priority\":\"P2\",\"serviceId\":" + service + "}");
    await().atMost(Duration.ofSeconds(30))
        .until(() -> FakeSlack.shared().messagesTo(slackUser).size() == 1);
    // a refused change is logged by the API while it serves the incident's request
    assertThat(http.post("/api/v1/incidents/" + incident + "/status",
        "{\"status\":\"OPEN\"}").status()).isEqualTo(409);

    List<JsonNode> lines = new ArrayList<>();
    await().atMost(Duration.ofSeconds(10)).until(() -> {
      lines.clear();
      lines.addAll(jsonLines(output.getOut()));
      return lines.stream().anyMatch(l -> message(l).startsWith("paged user " + ann));
    });
    JsonNode paged = lines.stream()
        .filter(l -> message(l).startsWith("paged user " + ann)).findFirst().orElseThrow();
    assertThat(paged.path("incidentId").asText()).isEqualTo(Long.toString(incident));
    assertThat(paged.path("WorkflowId").asText()).startsWith("escalation-" + incident + "-");
    assertThat(paged.path("log").path("level").asText()).isEqualTo("INFO");

    // every line that mentions the incident's workflow carries the incident id
    List<JsonNode> aboutIt = lines.stream().filter(l -> l.path("WorkflowId").asText()
        .matches("(incident|escalation|invite)-" + incident + "(-.*)?")).toList();
    assertThat(aboutIt).isNotEmpty();
    assertThat(aboutIt).allSatisfy(l ->
        assertThat(l.path("incidentId").asText()).isEqualTo(Long.toString(incident)));
  }

  static String message(JsonNode line) {
    return line.path("message").asText();
  }

  /** The console lines of this context, each of which must be a JSON object. */
  static List<JsonNode> jsonLines(String out) throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    boolean started = false;
    for (String line : out.split("\n")) {
      if (!started && !line.startsWith("{")) {
        continue; // what other tests' contexts wrote before this one started
      }
      started = true;
      if (line.isBlank()) {
        continue;
      }
      assertThat(line).as("a console line").startsWith("{");
      lines.add(JSON.readTree(line));
    }
    return lines;
  }
}
