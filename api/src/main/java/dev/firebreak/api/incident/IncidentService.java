package dev.firebreak.api.incident;

import dev.firebreak.activities.incident.IncidentCommands;
import dev.firebreak.activities.incident.IncidentNotFound;
import dev.firebreak.activities.incident.IncidentOpener;
import dev.firebreak.activities.incident.IncidentQueries;
import dev.firebreak.activities.store.IncidentFilter;
import dev.firebreak.api.problem.ApiException;
import dev.firebreak.workflows.incident.messages.Actor;
import dev.firebreak.workflows.incident.messages.Incident;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * What Slack's handlers read and declare, kept with the signatures they call: it only forwards to
 * the application layer ({@link IncidentCommands}, {@link IncidentQueries}). New code calls those.
 */
@Service
public class IncidentService {

  /** What {@link #create} did: made a new incident, or found an open one with the same key. */
  public record Created(Incident incident, boolean isNew) {}

  private final IncidentCommands commands;
  private final IncidentQueries queries;

  public IncidentService(IncidentCommands commands, IncidentQueries queries) {
    this.commands = commands;
    this.queries = queries;
  }

  /** Declares an incident from Slack; {@code createdBy} names who. */
  public Created create(Incident draft) {
    IncidentOpener.Opened opened =
        commands.open(draft, Actor.of(draft.createdBy(), Actor.Channel.SLACK));
    return new Created(opened.incident(), opened.isNew());
  }

  public Incident get(long id) {
    try {
      return queries.get(id);
    } catch (IncidentNotFound e) {
      throw ApiException.notFound(e.getMessage());
    }
  }

  public List<Incident> list(IncidentFilter filter, int limit, int offset) {
    return queries.list(filter, limit, offset);
  }

  public long count(IncidentFilter filter) {
    return queries.count(filter);
  }
}
