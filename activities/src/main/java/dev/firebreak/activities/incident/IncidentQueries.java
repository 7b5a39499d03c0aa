package dev.firebreak.activities.incident;

import dev.firebreak.activities.integrations.IncidentLinkStore;
import dev.firebreak.activities.store.IncidentFilter;
import dev.firebreak.activities.store.IncidentStore;
import dev.firebreak.workflows.incident.messages.Environment;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Status;
import dev.firebreak.workflows.incident.messages.TimelineEntry;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Reads of incidents from the read model, for the API, Slack and the web app: what the workflows
 * projected, with what integrations linked to each incident.
 */
@Service
public class IncidentQueries {

  /** What an incident links to elsewhere; any field may be null. */
  public record Links(String jiraTicketKey, String jiraTicketUrl, String postmortemUrl) {

    public static final Links NONE = new Links(null, null, null);

    static Links of(IncidentLinkStore.Links stored) {
      return new Links(stored.jiraTicketKey(), stored.jiraTicketUrl(), stored.postmortemUrl());
    }
  }

  /** One page of a listing, and how many match in all. */
  public record Page(List<Incident> items, Map<Long, Links> links, long total) {}

  private final IncidentStore store;
  private final IncidentLinkStore links;

  public IncidentQueries(IncidentStore store, IncidentLinkStore links) {
    this.store = store;
    this.links = links;
  }

  /** The incident; {@link IncidentNotFound} when there is none. */
  public Incident get(long id) {
    return store.find(id).orElseThrow(() -> new IncidentNotFound(id));
  }

  public List<TimelineEntry> timeline(long id) {
    return store.timeline(id);
  }

  public Links links(long id) {
    return Links.of(links.links(id));
  }

  public List<Incident> list(IncidentFilter filter, int limit, int offset) {
    return store.list(filter, limit, offset);
  }

  public long count(IncidentFilter filter) {
    return store.count(filter);
  }

  /** A page of incidents with their links, for a listing; a null criterion matches all. */
  public Page page(Status status, Priority priority, Environment environment, int limit,
      int offset) {
    IncidentFilter filter = new IncidentFilter(status, priority, environment);
    List<Incident> items = store.list(filter, limit, offset);
    Map<Long, Links> linked = links.linksOf(items.stream().map(Incident::id).toList())
        .entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> Links.of(e.getValue())));
    return new Page(items, linked, store.count(filter));
  }
}
