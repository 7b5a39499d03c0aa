package dev.firebreak.workflows.incident;

import dev.firebreak.workflows.incident.messages.AddUpdate;
import dev.firebreak.workflows.incident.messages.ChangeDetails;
import dev.firebreak.workflows.incident.messages.ChangeKeyEvents;
import dev.firebreak.workflows.incident.messages.ChangeRoles;
import dev.firebreak.workflows.incident.messages.ChangeStatus;
import dev.firebreak.workflows.incident.messages.ClosureReason;
import dev.firebreak.workflows.incident.messages.Environment;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.KeyEvents;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The incident lifecycle's rules, as pure functions: each {@code refuse...} method answers why a
 * change is not allowed, or empty when it is. The workflow's update validators and handlers call
 * them; so can anything that wants to explain a refusal before asking.
 */
public final class IncidentRules {

  public static final int TITLE_MAX = 128;
  public static final int DESCRIPTION_MAX = 10_000;
  public static final int CATEGORY_MAX = 128;
  public static final int DEDUP_KEY_MAX = 255;
  public static final int MESSAGE_MAX = 4_000;
  public static final int ROLE_MAX = 128;
  public static final int BACKWARD_REASON_MIN = 10;
  /** Key events may be a little ahead of the workflow's clock, never more. */
  public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private IncidentRules() {}

  /** Whether this incident must pass through POST_MORTEM before it closes. */
  public static boolean needsPostmortem(Incident incident, boolean postmortemBackendEnabled) {
    return postmortemBackendEnabled
        && incident.environment() == Environment.PRD
        && (incident.priority() == Priority.P1 || incident.priority() == Priority.P2);
  }

  public static Optional<String> refuseStatusChange(
      Incident incident, ChangeStatus change, boolean postmortemBackendEnabled) {
    Status from = incident.status();
    Status to = change.status();
    String message = change.message() == null ? "" : change.message().trim();
    if (to == null) {
      return Optional.of("status is required");
    }
    if (from == Status.CLOSED) {
      return closed(incident);
    }
    if (message.length() > MESSAGE_MAX) {
      return Optional.of("message must be at most " + MESSAGE_MAX + " characters");
    }
    if (to == from) {
      return Optional.of("incident " + incident.id() + " is already " + from);
    }
    if (change.closureReason() != null && to != Status.CLOSED) {
      return Optional.of("closureReason applies only when closing");
    }
    if (to == Status.CLOSED) {
      return refuseClose(incident, change.closureReason(), postmortemBackendEnabled);
    }
    if (to.isBefore(from)) {
      if (to == Status.OPEN) {
        return Optional.of("an incident cannot go back to OPEN");
      }
      if (message.length() < BACKWARD_REASON_MIN) {
        return Optional.of(
            "going back from " + from + " to " + to + " needs a message of at least "
                + BACKWARD_REASON_MIN + " characters saying why");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> refuseClose(
      Incident incident, ClosureReason reason, boolean postmortemBackendEnabled) {
    Status from = incident.status();
    boolean earlyReason = reason != null && reason != ClosureReason.RESOLVED;
    if (from.isBefore(Status.MITIGATED) && reason == null) {
      return Optional.of(
          "closing an incident that is " + from + " needs a closureReason (one of "
              + java.util.Arrays.toString(ClosureReason.values())
              + "); otherwise it must be MITIGATED first");
    }
    if (needsPostmortem(incident, postmortemBackendEnabled)
        && from != Status.POST_MORTEM
        && !earlyReason) {
      return Optional.of(
          incident.priority() + " incidents in " + incident.environment()
              + " must pass through POST_MORTEM before they close");
    }
    return Optional.empty();
  }

  public static Optional<String> refuseRoles(Incident incident, ChangeRoles change) {
    if (incident.status() == Status.CLOSED) {
      return closed(incident);
    }
    if (change.commander() == null && change.communicationLead() == null) {
      return Optional.of("give commander, communicationLead or both");
    }
    if (tooLong(change.commander(), ROLE_MAX) || tooLong(change.communicationLead(), ROLE_MAX)) {
      return Optional.of("a role holder must be at most " + ROLE_MAX + " characters");
    }
    return Optional.empty();
  }

  public static Optional<String> refuseKeyEvents(
      Incident incident, ChangeKeyEvents change, Instant now) {
    if (incident.status() == Status.CLOSED) {
      return closed(incident);
    }
    if (change.keyEvents() == null || change.keyEvents().equals(KeyEvents.NONE)) {
      return Optional.of("give at least one key event");
    }
    KeyEvents merged = incident.keyEvents().merge(change.keyEvents());
    String previousName = null;
    Instant previous = null;
    for (Map.Entry<String, Instant> event : merged.inOrder().entrySet()) {
      Instant at = event.getValue();
      if (at == null) {
        continue;
      }
      if (at.isAfter(now.plus(CLOCK_SKEW))) {
        return Optional.of(event.getKey() + " cannot be in the future");
      }
      if (previous != null && at.isBefore(previous)) {
        return Optional.of(event.getKey() + " cannot be before " + previousName);
      }
      previous = at;
      previousName = event.getKey();
    }
    return Optional.empty();
  }

  public static Optional<String> refuseDetails(Incident incident, ChangeDetails change) {
    if (incident.status() == Status.CLOSED) {
      return closed(incident);
    }
    if (change.title() != null && (change.title().isBlank() || change.title().length() > TITLE_MAX)) {
      return Optional.of("title must be 1 to " + TITLE_MAX + " characters");
    }
    if (tooLong(change.description(), DESCRIPTION_MAX)) {
      return Optional.of("description must be at most " + DESCRIPTION_MAX + " characters");
    }
    if (tooLong(change.category(), CATEGORY_MAX)) {
      return Optional.of("category must be at most " + CATEGORY_MAX + " characters");
    }
    if (change.title() == null && change.description() == null && change.priority() == null
        && change.environment() == null && change.category() == null) {
      return Optional.of("nothing to change");
    }
    return Optional.empty();
  }

  public static Optional<String> refuseUpdate(Incident incident, AddUpdate update) {
    if (incident.status() == Status.CLOSED) {
      return closed(incident);
    }
    if (update.message() == null || update.message().isBlank()) {
      return Optional.of("message is required");
    }
    if (update.message().length() > MESSAGE_MAX) {
      return Optional.of("message must be at most " + MESSAGE_MAX + " characters");
    }
    return Optional.empty();
  }

  private static Optional<String> closed(Incident incident) {
    return Optional.of("incident " + incident.id() + " is CLOSED");
  }

  private static boolean tooLong(String value, int max) {
    return value != null && value.length() > max;
  }
}
