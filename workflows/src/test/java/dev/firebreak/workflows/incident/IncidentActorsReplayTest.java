package dev.firebreak.workflows.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.testing.WorkflowReplayer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Commands that carry an actor (added to the messages after version one) replay against the
 * current code, as the older histories without one do ({@link IncidentWorkflowReplayTest}).
 */
class IncidentActorsReplayTest {

  static final String HISTORY = "histories/incident-actors-v1.json";

  @Test
  void aLifecycleWhoseCommandsCarryActorsReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(HISTORY, IncidentWorkflowImpl.class);
  }

  /** The payloads (base64 in the exported JSON) hold the actors the recorder sent. */
  @Test
  void theHistoryHoldsTheActorsAndTheirChannels() throws Exception {
    String history = Files.readString(
        Path.of(getClass().getClassLoader().getResource(HISTORY).toURI()));
    Matcher data = Pattern.compile("\"data\": \"([^\"]*)\"").matcher(history);
    StringBuilder payloads = new StringBuilder();
    while (data.find()) {
      payloads.append(new String(
          Base64.getDecoder().decode(data.group(1).replace("\\u003d", "=")),
          StandardCharsets.UTF_8)).append('\n');
    }
    assertThat(payloads.toString()).contains(
        "\"actor\":{\"userId\":7,\"name\":\"Alice\",\"channel\":\"SLACK\"}",
        "\"channel\":\"ALERT\"", "\"channel\":\"WEB\"",
        "Acknowledged by Alice via Slack");
  }
}
