package dev.firebreak.api.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.firebreak.activities.incident.IncidentQueries.Links;
import dev.firebreak.workflows.incident.IncidentWorkflow;
import dev.firebreak.workflows.incident.messages.ClosureReason;
import dev.firebreak.workflows.incident.messages.Environment;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.KeyEvents;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Roles;
import dev.firebreak.workflows.incident.messages.Status;
import dev.firebreak.workflows.incident.messages.TimelineEntry;
import dev.firebreak.workflows.incident.messages.TimelineKind;
import java.time.Instant;
import java.util.List;

/** An incident as the API shows it; {@code timeline} only when one incident is asked for. */
public record IncidentResponse(
    long id,
    String title,
    String description,
    Priority priority,
    Environment environment,
    String category,
    @JsonProperty("private") boolean privateIncident,
    String dedupKey,
    Status status,
    ClosureReason closureReason,
    Instant createdAt,
    String createdBy,
    Roles roles,
    KeyEvents keyEvents,
    String workflowId,
    Long serviceId,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<Entry> timeline,
    String jiraTicketKey,
    String jiraTicketUrl,
    String postmortemUrl) {

  public record Entry(int seq, Instant at, TimelineKind kind, String message, String author) {}

  public record Page(List<IncidentResponse> items, long total, int limit, int offset) {}

  public static IncidentResponse of(Incident i) {
    return of(i, null);
  }

  static IncidentResponse of(Incident i, List<TimelineEntry> timeline) {
    return of(i, timeline, Links.NONE);
  }

  public static IncidentResponse of(Incident i, List<TimelineEntry> timeline, Links links) {
    return new IncidentResponse(
        i.id(), i.title(), i.description(), i.priority(), i.environment(), i.category(),
        i.privateIncident(), i.dedupKey(), i.status(), i.closureReason(), i.createdAt(),
        i.createdBy(), i.roles(), i.keyEvents(), IncidentWorkflow.workflowId(i.id()), i.serviceId(),
        timeline == null ? null
            : timeline.stream()
                .map(e -> new Entry(e.seq(), e.at(), e.kind(), e.message(), e.author()))
                .toList(),
        links.jiraTicketKey(), links.jiraTicketUrl(), links.postmortemUrl());
  }
}
