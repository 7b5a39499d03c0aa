package dev.firebreak.workflows.incident;

import dev.firebreak.workflows.Catching;
import dev.firebreak.workflows.Retries;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.TimelineEntry;
import dev.firebreak.workflows.incident.messages.TimelineKind;
import dev.firebreak.workflows.slack.IncidentSlack;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;

/**
 * Where an incident's committed versions go: each with one timeline entry, written to the read
 * model before the caller hears back (so what the API lists agrees with what it was answered),
 * indexed for Temporal UI when asked, and handed to Slack's outbox. Holds the timeline's next
 * sequence number and the run's {@link IncidentSlack}.
 *
 * <p>Workflow code: deterministic, no I/O except through activities.
 */
final class IncidentTimeline {

  /** Version 1 survives a store or lookup activity that failed for good: logged, and on. */
  static final String CATCH = "incident-catch";

  private static final Logger log = Workflow.getLogger(IncidentTimeline.class);

  private final IncidentStoreActivities store =
      Workflow.newActivityStub(
          IncidentStoreActivities.class, Retries.untilDone(Duration.ofSeconds(30)));

  private final boolean searchAttributes;
  private final boolean slackRequested;
  /** Null unless Slack is configured and this run is new enough to know about it. */
  private IncidentSlack slack;
  private int nextSeq;

  IncidentTimeline(int nextSeq, boolean searchAttributes, boolean slackRequested) {
    this.nextSeq = nextSeq;
    this.searchAttributes = searchAttributes;
    this.slackRequested = slackRequested;
  }

  int nextSeq() {
    return nextSeq;
  }

  /** The first projection of a new incident, with its declared entry. */
  void declared(Incident incident) {
    TimelineEntry entry = TimelineTexts.declared(incident);
    project(incident, entry);
    if (slack != null) {
      slack.record(entry);
    }
  }

  /** Records {@code written}, a new version, with one entry; answers it. */
  Incident record(Incident written, TimelineKind kind, String message, String author,
      boolean indexed) {
    TimelineEntry entry = new TimelineEntry(written.id(), nextSeq++,
        Instant.ofEpochMilli(Workflow.currentTimeMillis()), kind, message, author);
    if (indexed && searchAttributes) {
      Workflow.upsertTypedSearchAttributes(
          IncidentSearchAttributes.updates(written).toArray(SearchAttributeUpdate<?>[]::new));
    }
    project(written, entry);
    if (slack() != null) {
      slack.record(entry);
    }
    return written;
  }

  /** The Slack side of this run, or null; decided once, by a version marker in new runs. */
  IncidentSlack slack() {
    if (slack == null && slackRequested
        && Workflow.getVersion(IncidentSlack.CHANGE_ID, Workflow.DEFAULT_VERSION, 1) == 1) {
      slack = new IncidentSlack();
    }
    return slack;
  }

  /**
   * Writes the read model; a write refused for good is logged and the lifecycle goes on (version
   * {@link #CATCH} 1): Temporal holds the state, and the next write carries the whole incident.
   */
  private void project(Incident written, TimelineEntry entry) {
    try {
      store.project(written, List.of(entry));
    } catch (ActivityFailure failed) {
      log.error("incident {}: timeline entry {} not stored: {}", written.id(), entry.seq(),
          Catching.orRethrow(CATCH, failed));
    }
  }
}
