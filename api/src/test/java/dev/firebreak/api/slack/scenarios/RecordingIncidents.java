package dev.firebreak.api.slack.scenarios;

import dev.firebreak.activities.store.IncidentStore;
import dev.firebreak.api.problem.ApiException;
import dev.firebreak.api.slack.SlackIncidentUpdates;
import dev.firebreak.api.slack.SlackIncidents;
import dev.firebreak.workflows.incident.messages.Environment;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.KeyEvents;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Roles;
import dev.firebreak.workflows.incident.messages.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The incident application layer as the scenarios see it, recording what they ask: incidents
 * opened (a repeated dedup key opens nothing, as in the real one) and updates applied (a repeated
 * update id applies nothing). A test can make an update refused, or everything fail. Given the
 * read model, incidents are also written there, as the real layer projects them before it answers
 * (Slack's own tables refer to them).
 */
final class RecordingIncidents implements SlackIncidents {

  /** One update the application layer received. */
  record Applied(long incidentId, String update, String updateId, Object change) {}

  final Map<Long, Incident> incidents = new TreeMap<>();
  final List<Incident> opened = new ArrayList<>();
  final List<Applied> applied = new ArrayList<>();
  private final Map<String, String> refusals = new HashMap<>();
  private RuntimeException outage;
  private final IncidentStore readModel;
  private long nextId = 100;

  RecordingIncidents() {
    this(null);
  }

  RecordingIncidents(IncidentStore readModel) {
    this.readModel = readModel;
  }

  /** An existing incident. */
  Incident add(long id, String title, Priority priority, Status status) {
    Incident incident = new Incident(id, title, null, priority, Environment.PRD, null, false, null,
        Instant.parse("2026-11-29T10:00:00Z"), "ann", status, null, Roles.NONE, KeyEvents.NONE, 1,
        null);
    return known(incident);
  }

  private Incident known(Incident incident) {
    incidents.put(incident.id(), incident);
    if (readModel != null) {
      readModel.insert(incident);
    }
    return incident;
  }

  /** The lifecycle refuses every {@code update} with this reason. */
  void refuse(String update, String reason) {
    refusals.put(update, reason);
  }

  /** The application layer is unreachable: every open and update fails. */
  void fail(RuntimeException e) {
    outage = e;
  }

  @Override
  public Incident get(long id) {
    Incident incident = incidents.get(id);
    if (incident == null) {
      throw ApiException.notFound("incident " + id + " not found");
    }
    return incident;
  }

  @Override
  public List<Incident> recent(int limit) {
    return incidents.values().stream().sorted(Comparator.comparing(Incident::id).reversed())
        .limit(limit).toList();
  }

  @Override
  public Incident open(Incident draft) {
    if (outage != null) {
      throw outage;
    }
    for (Incident known : opened) {
      if (draft.dedupKey() != null && draft.dedupKey().equals(known.dedupKey())) {
        return known;
      }
    }
    long id = nextId++;
    Incident created = new Incident(id, draft.title(), draft.description(), draft.priority(),
        draft.environment(), draft.category(), draft.privateIncident(), draft.dedupKey(),
        Instant.parse("2026-11-29T10:00:00Z"), draft.createdBy(), draft.status(), null,
        draft.roles(), draft.keyEvents(), 1, draft.serviceId());
    opened.add(created);
    return known(created);
  }

  @Override
  public Incident apply(long incidentId, String update, String updateId, Object change) {
    if (outage != null) {
      throw outage;
    }
    Incident incident = get(incidentId);
    if (refusals.containsKey(update)) {
      throw new SlackIncidentUpdates.Refused(refusals.get(update));
    }
    if (applied.stream().noneMatch(a -> a.updateId().equals(updateId))) {
      applied.add(new Applied(incidentId, update, updateId, change));
    }
    return incident;
  }
}
