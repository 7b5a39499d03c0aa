package dev.firebreak.workflows.escalation;

import dev.firebreak.workflows.escalation.EscalationPolicy.Target;
import dev.firebreak.workflows.escalation.EscalationPolicy.TargetType;
import dev.firebreak.workflows.incident.IncidentWorkflow;
import dev.firebreak.workflows.incident.messages.Acknowledge;
import dev.firebreak.workflows.incident.messages.ChangeStatus;
import dev.firebreak.workflows.incident.messages.Escalate;
import dev.firebreak.workflows.incident.messages.Status;
import io.temporal.client.WorkflowStub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the histories of an incident that escalates (version 1 of the incident workflow) and of
 * its escalation, replayed by {@code IncidentWorkflowReplayTest}. Run only to add a history:
 * {@code ./mvnw -pl workflows test -Dtest=EscalationHistoryRecorder
 * -Dfirebreak.record-histories=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "firebreak.record-histories", matches = "true")
class EscalationHistoryRecorder extends EscalationWorkflowTest {

  @Test
  void recordAnEscalatedIncident() throws Exception {
    policy(1, step(5, user(1)), step(10, user(4), new Target(TargetType.USER, 2)));
    directory.policies.put(8L, new EscalationPolicy(8, "Database", 0, List.of(step(30, user(3)))));
    directory.services.put(3L, new EscalationTrigger(7, 20));
    IncidentWorkflow w = incident(3);
    env.sleep(Duration.ofMinutes(2));
    w.escalate(new Escalate(null, null, "Ann"));
    env.sleep(Duration.ofMinutes(1));
    w.acknowledge(new Acknowledge(2L, "Bob"));
    env.sleep(Duration.ofMinutes(25));
    w.escalate(new Escalate(8L, null, "Bob"));
    env.sleep(Duration.ofMinutes(1));
    w.changeStatus(new ChangeStatus(Status.MITIGATED, "rolled back", null, "Bob"));
    env.sleep(Duration.ofMinutes(1));
    w.changeStatus(new ChangeStatus(Status.CLOSED, null, null, "Bob"));
    WorkflowStub.fromTyped(w).getResult(Object.class);
    Files.writeString(Path.of("src/test/resources/histories/incident-escalation-v1.json"),
        client.fetchHistory(IncidentWorkflow.workflowId(42)).toJson(true));
    Files.writeString(Path.of("src/test/resources/histories/escalation-v1.json"),
        client.fetchHistory(EscalationWorkflow.workflowId(42, 1)).toJson(true));
  }

  /** cancel-notification-plans v1: paged twice, then acknowledged; the plans are cancelled. */
  @Test
  void recordAnAcknowledgementThatCancelsPlans() throws Exception {
    policy(3, step(5, user(1)), step(10, user(2)));
    EscalationWorkflow w = escalation(null);
    env.sleep(Duration.ofMinutes(7));
    w.acknowledge("Bob");
    result(w);
    Files.writeString(Path.of("src/test/resources/histories/escalation-cancel-plans-v1.json"),
        client.fetchHistory(EscalationWorkflow.workflowId(INCIDENT, 1)).toJson(true));
  }

  /** escalation-catch v1: a step whose lookup fails for good is noted and skipped. */
  @Test
  void recordARefusedLookup() throws Exception {
    directory.refused.add(1L);
    policy(0, step(5, user(1)), step(5, user(2)));
    result(escalation(null));
    Files.writeString(Path.of("src/test/resources/histories/escalation-catch-v1.json"),
        client.fetchHistory(EscalationWorkflow.workflowId(99, 1)).toJson(true));
  }
}
