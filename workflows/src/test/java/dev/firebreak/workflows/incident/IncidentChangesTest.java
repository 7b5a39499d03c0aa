package dev.firebreak.workflows.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.workflows.incident.messages.Acknowledge;
import dev.firebreak.workflows.incident.messages.ChangeDetails;
import dev.firebreak.workflows.incident.messages.ChangeRoles;
import dev.firebreak.workflows.incident.messages.ChangeStatus;
import dev.firebreak.workflows.incident.messages.ClosureReason;
import dev.firebreak.workflows.incident.messages.Environment;
import dev.firebreak.workflows.incident.messages.Escalate;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.KeyEvents;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Roles;
import dev.firebreak.workflows.incident.messages.Status;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What accepted changes do to an incident, and what the timeline says, without Temporal. */
class IncidentChangesTest {

  static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  static Incident incident(Status status) {
    return new Incident(1, "Checkout is down", "500s", Priority.P2, Environment.PRD, "payments",
        false, null, T0, "alice", status, null, new Roles("ann", null),
        KeyEvents.NONE.withDeclaredIfUnset(T0), 3, null);
  }

  @Test
  void mitigatingAndClosingSetTheirKeyEventsOnce() {
    Instant later = T0.plusSeconds(600);
    Incident mitigated = IncidentChanges.status(incident(Status.MITIGATING),
        new ChangeStatus(Status.MITIGATED, "rolled back", null, "bob"), later);
    assertThat(mitigated.status()).isEqualTo(Status.MITIGATED);
    assertThat(mitigated.keyEvents().mitigated()).isEqualTo(later);
    Incident closed = IncidentChanges.status(mitigated,
        new ChangeStatus(Status.CLOSED, null, ClosureReason.RESOLVED, "bob"), later.plusSeconds(5));
    assertThat(closed.keyEvents().mitigated()).isEqualTo(later);
    assertThat(closed.keyEvents().resolved()).isEqualTo(later.plusSeconds(5));
    assertThat(TimelineTexts.statusChanged(Status.MITIGATED,
            new ChangeStatus(Status.CLOSED, " done ", ClosureReason.RESOLVED, "bob")))
        .isEqualTo("Status changed from MITIGATED to CLOSED (RESOLVED): done");
  }

  @Test
  void aRoleLeftOutStaysAndABlankOneIsUnassigned() {
    Roles next = IncidentChanges.roles(new Roles("ann", "cid"),
        new ChangeRoles(null, "  ", "bob"));
    assertThat(next).isEqualTo(new Roles("ann", null));
    assertThat(TimelineTexts.roles(next))
        .isEqualTo("Roles: commander ann, communication lead unassigned");
  }

  @Test
  void detailsGivenReplaceTheCurrentOnesAndTheTimelineNamesThem() {
    Incident before = incident(Status.OPEN);
    ChangeDetails change = new ChangeDetails(null, null, Priority.P1, null, "", "bob");
    Incident after = IncidentChanges.details(before, change);
    assertThat(after.title()).isEqualTo(before.title());
    assertThat(after.priority()).isEqualTo(Priority.P1);
    assertThat(after.category()).isNull();
    assertThat(TimelineTexts.detailsChanged(before, after, change))
        .isEqualTo("Details changed: priority P2 → P1 category unassigned");
  }

  @Test
  void acknowledgeAndEscalateRefusals() {
    assertThat(IncidentChanges.refuseAcknowledge(incident(Status.CLOSED)))
        .contains("the incident is CLOSED");
    assertThat(IncidentChanges.refuseAcknowledge(incident(Status.MITIGATED))).isEmpty();
    assertThat(IncidentChanges.refuseEscalate(incident(Status.MITIGATED),
        new Escalate(7L, null, "bob"), false)).get().asString().contains("nobody left to page");
    assertThat(IncidentChanges.refuseEscalate(incident(Status.OPEN),
        new Escalate(null, null, "bob"), false)).get().asString().contains("give a policyId");
    assertThat(IncidentChanges.refuseEscalate(incident(Status.OPEN),
        new Escalate(null, null, "bob"), true)).isEmpty();
    assertThat(new Acknowledge(42L, null).who()).isEqualTo("user 42");
    assertThat(TimelineTexts.acknowledged("Ann", true)).isEqualTo("Acknowledged by Ann: paging stopped");
  }
}
