package dev.firebreak.workflows.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.testing.WorkflowReplayer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Replays the history of an escalation with richer steps (version 1 of {@link
 * EscalationWorkflowImpl#RICHER_STEPS}): a step skipped outside its window, an empty step skipped
 * at once, a round-robin step. Recorded by {@link EscalationHistoryRecorder#recordRicherSteps}.
 */
class EscalationStepsReplayTest {

  static final String HISTORY = "histories/escalation-richer-steps-v1.json";

  @Test
  void anEscalationWithRicherStepsReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(HISTORY, EscalationWorkflowImpl.class);
  }

  @Test
  void theHistoryCarriesTheVersionMarkerAndTheRoundRobinTurn() throws Exception {
    String history = Files.readString(Path.of("src/test/resources", HISTORY));
    assertThat(history).contains("EVENT_TYPE_MARKER_RECORDED").contains("RoundRobinTurn");
  }
}
