package dev.firebreak.api.slack;

import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the Slack scenarios ask of the incident application layer, and nothing more: read one,
 * list the recent ones, open one, change one. Scenarios translate Slack into these calls; the one
 * implementation ({@link SlackIncidentsAdapter}) forwards them, so that tests feed the scenarios a
 * recording implementation and the application layer can change behind it.
 */
public interface SlackIncidents {

  /** The incident; an {@link dev.firebreak.api.problem.ApiException} (404) when there is none. */
  Incident get(long id);

  /** The most recent incidents, newest first, at most {@code limit}. */
  List<Incident> recent(int limit);

  /** Opens an incident from the draft (its dedup key, when set, makes a retry open nothing). */
  Incident open(Incident draft);

  /**
   * Sends one change to the incident as an update with the given id, so that Slack's retry of the
   * same interaction is applied once.
   *
   * @throws SlackIncidentUpdates.Refused when the lifecycle refuses it; the message says why
   */
  Incident apply(long incidentId, String updateName, String updateId, Object change);

  /** Open incidents, most severe first, only those at most P{@code maxLevel} when given; 20 at most. */
  default List<Incident> openIncidents(Integer maxLevel) {
    List<Incident> open = new ArrayList<>();
    for (Incident i : recent(200)) {
      if (i.status() != Status.CLOSED && (maxLevel == null || i.priority().level() <= maxLevel)) {
        open.add(i);
      }
    }
    open.sort(Comparator.comparing(Incident::priority)
        .thenComparing(Incident::id, Comparator.reverseOrder()));
    return open.size() > 20 ? open.subList(0, 20) : open;
  }
}
