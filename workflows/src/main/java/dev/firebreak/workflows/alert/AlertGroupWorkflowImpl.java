package dev.firebreak.workflows.alert;

import dev.firebreak.workflows.Catching;
import dev.firebreak.workflows.Retries;
import dev.firebreak.workflows.alert.messages.AlertAction;
import dev.firebreak.workflows.alert.messages.AlertBatch;
import dev.firebreak.workflows.alert.messages.AlertEvent;
import dev.firebreak.workflows.alert.messages.AlertEventRecord;
import dev.firebreak.workflows.alert.messages.AlertGroup;
import dev.firebreak.workflows.alert.messages.AlertGroupRun;
import dev.firebreak.workflows.alert.messages.AlertStatus;
import dev.firebreak.workflows.alert.messages.QuarantinedEvent;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;

public class AlertGroupWorkflowImpl implements AlertGroupWorkflow {

  /**
   * Batches one run accepts before it continues as new: far below Temporal's 10,000 signals per
   * execution, and with each batch adding a signal plus at most a few events, far below the
   * history limits too.
   */
  static int maxBatchesPerRun = 2_000;

  /** How many batch ids are remembered to drop a retried signal. */
  static final int BATCH_ID_WINDOW = 1_000;

  private static final Logger log = Workflow.getLogger(AlertGroupWorkflowImpl.class);

  /**
   * The projection runs as a local activity: a storm projects after every batch it applies, and
   * a local activity costs the server one marker instead of an activity task round trip.
   */
  private final AlertActivities store =
      Workflow.newLocalActivityStub(
          AlertActivities.class, Retries.untilDoneLocal(Duration.ofSeconds(10)));

  private final AlertQuarantine quarantine =
      Workflow.newLocalActivityStub(
          AlertQuarantine.class, Retries.untilDoneLocal(Duration.ofSeconds(10)));

  private final AlertActivities activities =
      Workflow.newActivityStub(
          AlertActivities.class, Retries.untilDone(Duration.ofSeconds(30)));

  /** Version 1 acknowledges or mitigates the group's incident when the group is. */
  static final String FOLLOW_INCIDENT = "alert-follows-incident";

  /**
   * Version 1 catches what the store or the incident refuses for good: the event is quarantined,
   * an incident that cannot open or follow is logged, and the group goes on.
   */
  static final String QUARANTINE = "alert-quarantine";

  private final long serviceId;
  private final String dedupKey;
  private final boolean searchAttributes;
  private AlertGroup group;
  private int generation;
  private int nextEventSeq;
  private final Deque<AlertEvent> pending = new ArrayDeque<>();
  private final LinkedHashSet<String> recentBatchIds = new LinkedHashSet<>();
  private int batchesThisRun;
  private int quarantinedThisRun;

  @WorkflowInit
  public AlertGroupWorkflowImpl(AlertGroupRun run) {
    this.serviceId = run.serviceId();
    this.dedupKey = run.dedupKey();
    this.searchAttributes = run.searchAttributes();
    this.group = run.group();
    this.generation = run.generation();
    this.nextEventSeq = run.nextEventSeq();
    run.pending().forEach(this::enqueue);
    recentBatchIds.addAll(run.recentBatchIds());
  }

  @Override
  public AlertGroup run(AlertGroupRun run) {
    while (true) {
      Workflow.await(() -> !pending.isEmpty() || continueSuggested());
      if (!pending.isEmpty()) {
        apply();
      }
      Workflow.setCurrentDetails(AlertGroupDetails.alertGroup(group));
      boolean finished = group == null || group.status() == AlertStatus.RESOLVED;
      if (finished && pending.isEmpty()) {
        Workflow.await(Workflow::isEveryHandlerFinished);
        if (pending.isEmpty()) {
          return group;
        }
      }
      if (finished) {
        // events after the resolve open the next group, in a fresh run
        Workflow.await(Workflow::isEveryHandlerFinished);
        Workflow.continueAsNew(nextRun(null));
      }
      if (continueSuggested()) {
        Workflow.await(Workflow::isEveryHandlerFinished);
        log.info("alert group {} continues as new after {} batches", group.id(), batchesThisRun);
        Workflow.continueAsNew(nextRun(group));
      }
    }
  }

  @Override
  public void events(AlertBatch batch) {
    if (!recentBatchIds.add(batch.batchId())) {
      return; // a retried signal: already counted
    }
    while (recentBatchIds.size() > BATCH_ID_WINDOW) {
      recentBatchIds.remove(recentBatchIds.iterator().next());
    }
    batchesThisRun++;
    batch.events().forEach(this::enqueue);
  }

  @Override
  public AlertGroup group() {
    return group;
  }

  private void enqueue(AlertEvent event) {
    AlertEvent last = pending.peekLast();
    if (last != null && last.coalescesWith(event)) {
      pending.removeLast();
      pending.addLast(last.plus(event));
    } else {
      pending.addLast(event);
    }
  }

  private boolean continueSuggested() {
    return batchesThisRun >= maxBatchesPerRun || Workflow.getInfo().isContinueAsNewSuggested();
  }

  private AlertGroupRun nextRun(AlertGroup carried) {
    return new AlertGroupRun(serviceId, dedupKey, searchAttributes, carried, generation,
        carried == null ? 1 : nextEventSeq, List.copyOf(pending), List.copyOf(recentBatchIds));
  }

  /** What one application of events changed, for the incident and the search attributes. */
  private static final class Change {
    boolean opened;
    boolean acknowledged;
    final List<AlertEventRecord> records = new ArrayList<>();
  }

  /**
   * Applies pending events up to and including a resolve, then stores what changed. When the
   * store refuses the lot for good, the events are applied again one at a time and each one it
   * refuses is quarantined and left out (version {@link #QUARANTINE}).
   */
  private void apply() {
    AlertStatus before = group == null ? null : group.status();
    AlertGroup startGroup = group;
    int startGeneration = generation;
    int startSeq = nextEventSeq;
    List<AlertEvent> taken = new ArrayList<>();
    Change change = new Change();
    while (!pending.isEmpty()) {
      if (group != null && group.status() == AlertStatus.RESOLVED) {
        break; // what follows belongs to the next group
      }
      AlertEvent e = pending.removeFirst();
      taken.add(e);
      step(e, change);
    }
    if (group == null) {
      return;
    }
    try {
      group = group.withId(store.project(group, change.records));
    } catch (ActivityFailure refused) {
      Catching.orRethrow(QUARANTINE, refused);
      group = startGroup;
      generation = startGeneration;
      nextEventSeq = startSeq;
      change = new Change();
      List<Refused> refusals = new ArrayList<>();
      for (AlertEvent e : taken) {
        applyAlone(e, change).ifPresent(refusals::add);
      }
      // after the good events, so an event refused before the group was stored still gets its id
      refusals.forEach(this::quarantine);
      if (group == null) {
        return;
      }
    }
    if (change.opened && group.priority() != null && group.incidentId() == null) {
      openIncident();
    }
    boolean resolved = group.status() == AlertStatus.RESOLVED && before != AlertStatus.RESOLVED;
    if (group.incidentId() != null && (change.acknowledged || resolved)
        && Workflow.getVersion(FOLLOW_INCIDENT, Workflow.DEFAULT_VERSION, 1) == 1) {
      if (change.acknowledged) {
        followIncident(AlertStatus.ACKNOWLEDGED);
      }
      if (resolved) {
        followIncident(AlertStatus.RESOLVED);
      }
    }
    if (searchAttributes && (change.opened || before != group.status())) {
      Workflow.upsertTypedSearchAttributes(
          AlertSearchAttributes.ALERT_STATUS.valueSet(group.status().name()));
    }
  }

  /** Applies one event to the group in memory, adding its record to {@code change}. */
  private void step(AlertEvent e, Change change) {
    Instant at = e.lastAt();
    if (group == null) {
      if (e.action() != AlertAction.TRIGGER) {
        return; // no open group: accepted and ignored
      }
      group = open(e);
      change.opened = true;
    } else if (e.action() == AlertAction.TRIGGER) {
      group = group.repeated(e);
    } else if (e.action() == AlertAction.ACKNOWLEDGE) {
      if (group.status() == AlertStatus.TRIGGERED) {
        group = group.withStatus(AlertStatus.ACKNOWLEDGED, at);
        change.acknowledged = true;
      }
    } else {
      group = group.withStatus(AlertStatus.RESOLVED, at);
    }
    change.records.add(new AlertEventRecord(nextEventSeq++, at, e.action(), e.count(),
        e.summary(), e.severity(), e.details()));
  }

  /** An event the store refused, and why. */
  private record Refused(AlertEvent event, ActivityFailure failure) {}

  /**
   * Applies and stores one event; when the store refuses it, the group is left as it was and the
   * refusal is answered, to be quarantined.
   */
  private Optional<Refused> applyAlone(AlertEvent e, Change change) {
    AlertGroup was = group;
    int wasGeneration = generation;
    int wasSeq = nextEventSeq;
    Change alone = new Change();
    step(e, alone);
    if (alone.records.isEmpty()) {
      return Optional.empty();
    }
    try {
      group = group.withId(store.project(group, alone.records));
      change.opened |= alone.opened;
      change.acknowledged |= alone.acknowledged;
      change.records.addAll(alone.records);
      return Optional.empty();
    } catch (ActivityFailure refused) {
      group = was;
      generation = wasGeneration;
      nextEventSeq = wasSeq;
      return Optional.of(new Refused(e, refused));
    }
  }

  private void openIncident() {
    try {
      group = group.withIncidentId(activities.openIncident(group));
      store.project(group, List.of());
    } catch (ActivityFailure refused) {
      log.warn("alert group {} opened no incident: {}", group.id(),
          Catching.orRethrow(QUARANTINE, refused));
    }
  }

  private void followIncident(AlertStatus change) {
    try {
      activities.followIncident(group, change);
    } catch (ActivityFailure refused) {
      log.warn("incident {} did not follow alert group {} ({}): {}", group.incidentId(),
          group.id(), change, Catching.orRethrow(QUARANTINE, refused));
    }
  }

  private void quarantine(Refused refused) {
    String reason = Catching.reason(refused.failure());
    log.warn("alert group {} quarantines an event: {}", Workflow.getInfo().getWorkflowId(), reason);
    try {
      quarantinedThisRun++;
      String key = Workflow.getInfo().getRunId() + "/" + quarantinedThisRun;
      quarantine.quarantine(new QuarantinedEvent(key,
          Workflow.getInfo().getWorkflowId(), serviceId, dedupKey,
          group == null ? null : group.id(), reason, refused.event(),
          Instant.ofEpochMilli(Workflow.currentTimeMillis())));
    } catch (ActivityFailure lost) {
      log.error("alert group {} could not quarantine an event: {}",
          Workflow.getInfo().getWorkflowId(), Catching.reason(lost));
    }
  }

  private AlertGroup open(AlertEvent e) {
    generation++;
    nextEventSeq = 1;
    String workflowId = Workflow.getInfo().getWorkflowId();
    String openKey = workflowId + "/" + Workflow.getInfo().getFirstExecutionRunId() + "/"
        + generation;
    return new AlertGroup(null, openKey, workflowId, serviceId, dedupKey, e.summary(), e.source(),
        e.severity(), e.priority(), AlertStatus.TRIGGERED, e.count(), e.firstAt(), e.lastAt(),
        null, null, null, 1);
  }
}
