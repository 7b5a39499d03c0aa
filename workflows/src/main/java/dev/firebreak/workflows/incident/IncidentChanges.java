package dev.firebreak.workflows.incident;

import dev.firebreak.workflows.incident.messages.Acknowledge;
import dev.firebreak.workflows.incident.messages.ChangeDetails;
import dev.firebreak.workflows.incident.messages.ChangeRoles;
import dev.firebreak.workflows.incident.messages.ChangeStatus;
import dev.firebreak.workflows.incident.messages.Escalate;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.Roles;
import dev.firebreak.workflows.incident.messages.Status;
import java.time.Instant;
import java.util.Optional;

/**
 * What an accepted change does to an incident, as pure functions beside {@link IncidentRules}
 * (which says whether it is accepted): the workflow's update handlers apply these and record the
 * result, so the lifecycle's arithmetic is tested without Temporal.
 */
final class IncidentChanges {

  private IncidentChanges() {}

  /** The new status; MITIGATED and CLOSED set their key event unless already set. */
  static Incident status(Incident incident, ChangeStatus change, Instant now) {
    Incident changed = incident.withStatus(change.status(), change.closureReason());
    if (change.status() == Status.MITIGATED) {
      changed = changed.withKeyEvents(changed.keyEvents().withMitigatedIfUnset(now));
    }
    if (change.status() == Status.CLOSED) {
      changed = changed.withKeyEvents(changed.keyEvents().withResolvedIfUnset(now));
    }
    return changed;
  }

  /** A role left out stays; one given blank is unassigned. */
  static Roles roles(Roles current, ChangeRoles change) {
    return new Roles(role(change.commander(), current.commander()),
        role(change.communicationLead(), current.communicationLead()));
  }

  /** Each detail given replaces the current one; a blank category clears it. */
  static Incident details(Incident before, ChangeDetails change) {
    return before.withDetails(
        change.title() != null ? change.title() : before.title(),
        change.description() != null ? change.description() : before.description(),
        change.priority() != null ? change.priority() : before.priority(),
        change.environment() != null ? change.environment() : before.environment(),
        change.category() != null ? emptyToNull(change.category()) : before.category());
  }

  /** Why an acknowledgement is refused: only a closed incident refuses it. */
  static Optional<String> refuseAcknowledge(Incident incident) {
    return incident.status() == Status.CLOSED ? Optional.of("the incident is CLOSED")
        : Optional.empty();
  }

  /** Why an escalation is refused, given whether one is running. */
  static Optional<String> refuseEscalate(Incident incident, Escalate escalate,
      boolean escalationRunning) {
    if (incident.status().isAtLeast(Status.MITIGATED)) {
      return Optional.of("the incident is " + incident.status()
          + ": there is nobody left to page");
    }
    if (escalate.policyId() == null && !escalationRunning) {
      return Optional.of(
          "no escalation is running for this incident; give a policyId to start one");
    }
    return Optional.empty();
  }

  private static String role(String requested, String current) {
    return requested == null ? current : emptyToNull(requested.trim());
  }

  private static String emptyToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
