package dev.firebreak.workflows.alert;

import dev.firebreak.workflows.alert.messages.AlertAction;
import dev.firebreak.workflows.incident.messages.Priority;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the newest alert group history that {@link SignalsReplayTest} replays (older ones stay
 * committed as they were recorded). Run only to add one:
 * {@code ./mvnw -pl workflows test -Dtest=AlertGroupHistoryRecorder
 * -Dfirebreak.record-histories=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "firebreak.record-histories", matches = "true")
class AlertGroupHistoryRecorder extends AlertGroupWorkflowTest {

  @Test
  void recordAGroup() throws Exception {
    send(9, "disk", batch(event(AlertAction.TRIGGER, 1, Priority.P1)));
    send(9, "disk", batch(event(AlertAction.TRIGGER, 12, Priority.P1)));
    send(9, "disk", batch(event(AlertAction.ACKNOWLEDGE, 1, null)));
    send(9, "disk", batch(event(AlertAction.TRIGGER, 2, Priority.P1),
        event(AlertAction.RESOLVE, 1, null)));
    result(9, "disk");
    // v2: the incident follows the group's acknowledge and resolve (alert-follows-incident)
    Files.writeString(Path.of("src/test/resources/histories/alert-group-v2.json"),
        client.fetchHistory(AlertGroupWorkflow.workflowId(9, "disk")).toJson(true));
  }

  @Test
  void recordAQuarantine() throws Exception {
    send(9, "poison", batch(event(AlertAction.TRIGGER, 1, Priority.P1)));
    send(9, "poison", batch(event(AlertAction.TRIGGER, 2, Priority.P1), poison(5),
        event(AlertAction.TRIGGER, 3, Priority.P1)));
    send(9, "poison", batch(event(AlertAction.RESOLVE, 1, null)));
    result(9, "poison");
    // v3: a refused event is quarantined and the group goes on (alert-quarantine)
    Files.writeString(Path.of("src/test/resources/histories/alert-group-v3-quarantine.json"),
        client.fetchHistory(AlertGroupWorkflow.workflowId(9, "poison")).toJson(true));
  }
}
