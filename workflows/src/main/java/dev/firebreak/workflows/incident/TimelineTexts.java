package dev.firebreak.workflows.incident;

import dev.firebreak.workflows.incident.messages.ChangeDetails;
import dev.firebreak.workflows.incident.messages.ChangeKeyEvents;
import dev.firebreak.workflows.incident.messages.ChangeStatus;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.Roles;
import dev.firebreak.workflows.incident.messages.Status;
import dev.firebreak.workflows.incident.messages.TimelineEntry;
import dev.firebreak.workflows.incident.messages.TimelineKind;

/**
 * What the timeline says about each change, as pure functions of the change: kept out of the
 * workflow so the lifecycle reads as decisions, and the wording can be tested without Temporal.
 */
final class TimelineTexts {

  private TimelineTexts() {}

  /**
   * The first timeline entry of every incident. The API writes it with the incident's row, so the
   * timeline is never empty; the workflow's first projection writes the same entry again, which
   * the store ignores.
   */
  static TimelineEntry declared(Incident incident) {
    return new TimelineEntry(incident.id(), 1, incident.createdAt(), TimelineKind.DECLARED,
        "Incident declared: " + incident.priority() + " in " + incident.environment() + ", "
            + incident.title(),
        incident.createdBy());
  }

  static String statusChanged(Status from, ChangeStatus change) {
    StringBuilder text = new StringBuilder("Status changed from " + from + " to "
        + change.status());
    if (change.closureReason() != null) {
      text.append(" (").append(change.closureReason()).append(")");
    }
    if (change.message() != null && !change.message().isBlank()) {
      text.append(": ").append(change.message().trim());
    }
    return text.toString();
  }

  static String roles(Roles next) {
    return "Roles: commander " + describe(next.commander()) + ", communication lead "
        + describe(next.communicationLead());
  }

  static String keyEventsSet(ChangeKeyEvents change) {
    StringBuilder text = new StringBuilder("Key events set:");
    change.keyEvents().inOrder().forEach((name, at) -> {
      if (at != null) {
        text.append(' ').append(name).append('=').append(at);
      }
    });
    return text.toString();
  }

  static String detailsChanged(Incident before, Incident after, ChangeDetails change) {
    StringBuilder text = new StringBuilder("Details changed:");
    if (!after.title().equals(before.title())) {
      text.append(" title \"").append(after.title()).append('"');
    }
    if (after.priority() != before.priority()) {
      text.append(" priority ").append(before.priority()).append(" → ").append(after.priority());
    }
    if (after.environment() != before.environment()) {
      text.append(" environment ").append(before.environment()).append(" → ")
          .append(after.environment());
    }
    if (change.description() != null) {
      text.append(" description");
    }
    if (change.category() != null) {
      text.append(" category ").append(describe(after.category()));
    }
    return text.toString();
  }

  static String acknowledged(String who, boolean pagingStopped) {
    return "Acknowledged by " + who + (pagingStopped ? ": paging stopped" : "");
  }

  private static String describe(String value) {
    return value == null ? "unassigned" : value;
  }
}
