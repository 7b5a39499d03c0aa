package dev.firebreak.workflows.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.workflows.incident.messages.ChangeKeyEvents;
import dev.firebreak.workflows.incident.messages.ChangeStatus;
import dev.firebreak.workflows.incident.messages.ClosureReason;
import dev.firebreak.workflows.incident.messages.Environment;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.KeyEvents;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Roles;
import dev.firebreak.workflows.incident.messages.Status;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IncidentRulesTest {

  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  static Incident incident(Status status, Priority priority, Environment environment) {
    return new Incident(7, "Checkout down", null, priority, environment, null, false, null, NOW,
        null, status, null, Roles.NONE, KeyEvents.NONE, 1, null);
  }

  static String refusal(Status from, Status to, String message, ClosureReason reason) {
    return IncidentRules.refuseStatusChange(
            incident(from, Priority.P3, Environment.PRD),
            new ChangeStatus(to, message, reason, null), false)
        .orElse("allowed");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "OPEN, INVESTIGATING", "OPEN, MITIGATING", "OPEN, MITIGATED", "INVESTIGATING, MITIGATED",
    "MITIGATING, MITIGATED", "MITIGATED, POST_MORTEM", "MITIGATED, CLOSED", "POST_MORTEM, CLOSED",
    "OPEN, POST_MORTEM"
  })
  void movingForwardIsFree(Status from, Status to) {
    assertThat(refusal(from, to, null, null)).isEqualTo("allowed");
  }

  @Test
  void goingBackFromMitigatedNeedsAReasonOfTenCharacters() {
    assertThat(refusal(Status.MITIGATED, Status.INVESTIGATING, "too short", null))
        .contains("at least 10 characters");
    assertThat(refusal(Status.MITIGATED, Status.MITIGATING, null, null))
        .contains("at least 10 characters");
    assertThat(refusal(Status.MITIGATED, Status.INVESTIGATING, "errors came back", null))
        .isEqualTo("allowed");
    assertThat(refusal(Status.MITIGATED, Status.MITIGATING, "  rollback failed  ", null))
        .isEqualTo("allowed");
  }

  @Test
  void nothingGoesBackToOpen() {
    assertThat(refusal(Status.INVESTIGATING, Status.OPEN, "a long enough reason", null))
        .contains("cannot go back to OPEN");
  }

  @Test
  void closingBeforeMitigatedNeedsAClosureReason() {
    assertThat(refusal(Status.OPEN, Status.CLOSED, null, null)).contains("needs a closureReason");
    assertThat(refusal(Status.MITIGATING, Status.CLOSED, null, null))
        .contains("needs a closureReason");
    for (ClosureReason reason : ClosureReason.values()) {
      assertThat(refusal(Status.OPEN, Status.CLOSED, null, reason)).isEqualTo("allowed");
    }
  }

  @Test
  void aClosureReasonOnlyAppliesToClosing() {
    assertThat(refusal(Status.OPEN, Status.MITIGATED, null, ClosureReason.DUPLICATE))
        .contains("only when closing");
  }

  @Test
  void aClosedIncidentChangesNoMore() {
    assertThat(refusal(Status.CLOSED, Status.INVESTIGATING, "reopening it now", null))
        .contains("is CLOSED");
  }

  @Test
  void theSameStatusIsRefused() {
    assertThat(refusal(Status.MITIGATING, Status.MITIGATING, null, null)).contains("already");
  }

  @Test
  void withAPostmortemBackendP1AndP2InProductionPassThroughPostMortem() {
    ChangeStatus close = new ChangeStatus(Status.CLOSED, null, null, null);
    assertThat(IncidentRules.refuseStatusChange(
            incident(Status.MITIGATED, Priority.P1, Environment.PRD), close, true))
        .hasValueSatisfying(r -> assertThat(r).contains("must pass through POST_MORTEM"));
    assertThat(IncidentRules.refuseStatusChange(
            incident(Status.MITIGATED, Priority.P2, Environment.PRD), close, true))
        .isPresent();
    assertThat(IncidentRules.refuseStatusChange(
            incident(Status.POST_MORTEM, Priority.P1, Environment.PRD), close, true))
        .isEmpty();
    // not required: lower priority, another environment, or no backend
    assertThat(IncidentRules.refuseStatusChange(
            incident(Status.MITIGATED, Priority.P3, Environment.PRD), close, true))
        .isEmpty();
    assertThat(IncidentRules.refuseStatusChange(
            incident(Status.MITIGATED, Priority.P1, Environment.STG), close, true))
        .isEmpty();
    assertThat(IncidentRules.refuseStatusChange(
            incident(Status.MITIGATED, Priority.P1, Environment.PRD), close, false))
        .isEmpty();
    // a duplicate or a false positive needs no postmortem
    assertThat(IncidentRules.refuseStatusChange(
            incident(Status.OPEN, Priority.P1, Environment.PRD),
            new ChangeStatus(Status.CLOSED, null, ClosureReason.FALSE_POSITIVE, null), true))
        .isEmpty();
  }

  @Test
  void keyEventsMustBeInOrderAndNotInTheFuture() {
    Incident incident = incident(Status.OPEN, Priority.P2, Environment.PRD)
        .withKeyEvents(KeyEvents.NONE.withDeclaredIfUnset(NOW));
    KeyEvents detectedAfterDeclared =
        new KeyEvents(null, NOW.plusSeconds(60), null, null, null, null);
    assertThat(IncidentRules.refuseKeyEvents(incident,
            new ChangeKeyEvents(detectedAfterDeclared, null), NOW.plusSeconds(120)))
        .hasValue("declared cannot be before detected");
    KeyEvents future = new KeyEvents(null, null, null, NOW.plusSeconds(3600), null, null);
    assertThat(IncidentRules.refuseKeyEvents(incident, new ChangeKeyEvents(future, null), NOW))
        .hasValue("mitigated cannot be in the future");
    KeyEvents good = new KeyEvents(NOW.minusSeconds(600), NOW.minusSeconds(300), null, null,
        null, null);
    assertThat(IncidentRules.refuseKeyEvents(incident, new ChangeKeyEvents(good, null), NOW))
        .isEmpty();
  }
}
