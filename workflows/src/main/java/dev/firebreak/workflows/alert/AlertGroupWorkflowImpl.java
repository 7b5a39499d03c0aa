package dev.firebreak.workflows.alert;

import dev.firebreak.workflows.Retries;
import dev.firebreak.workflows.alert.messages.AlertAction;
import dev.firebreak.workflows.alert.messages.AlertBatch;
import dev.firebreak.workflows.alert.messages.AlertEvent;
import dev.firebreak.workflows.alert.messages.AlertEventRecord;
import dev.firebreak.workflows.alert.messages.AlertGroup;
import dev.firebreak.workflows.alert.messages.AlertGroupRun;
import dev.firebreak.workflows.alert.messages.AlertStatus;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
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
          AlertActivities.class,
          LocalActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(10))
              .setRetryOptions(Retries.UNTIL_DONE)
              .build());

  private final AlertActivities activities =
      Workflow.newActivityStub(
          AlertActivities.class, Retries.untilDone(Duration.ofSeconds(30)));

  /** Version 1 acknowledges or mitigates the group's incident when the group is. */
  static final String FOLLOW_INCIDENT = "alert-follows-incident";

  private final long serviceId;
  private final String dedupKey;
  private final boolean searchAttributes;
  private AlertGroup group;
  private int generation;
  private int nextEventSeq;
  private final Deque<AlertEvent> pending = new ArrayDeque<>();
  private final LinkedHashSet<String> recentBatchIds = new LinkedHashSet<>();
  private int batchesThisRun;

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

  /** Applies pending events up to and including a resolve, then stores what changed. */
  private void apply() {
    AlertStatus before = group == null ? null : group.status();
    boolean opened = false;
    boolean acknowledged = false;
    List<AlertEventRecord> records = new ArrayList<>();
    while (!pending.isEmpty()) {
      if (group != null && group.status() == AlertStatus.RESOLVED) {
        break; // what follows belongs to the next group
      }
      AlertEvent e = pending.removeFirst();
      Instant at = e.lastAt();
      if (group == null) {
        if (e.action() != AlertAction.TRIGGER) {
          continue; // no open group: accepted and ignored
        }
        group = open(e);
        opened = true;
      } else if (e.action() == AlertAction.TRIGGER) {
        group = group.repeated(e);
      } else if (e.action() == AlertAction.ACKNOWLEDGE) {
        if (group.status() == AlertStatus.TRIGGERED) {
          group = group.withStatus(AlertStatus.ACKNOWLEDGED, at);
          acknowledged = true;
        }
      } else {
        group = group.withStatus(AlertStatus.RESOLVED, at);
      }
      records.add(new AlertEventRecord(nextEventSeq++, at, e.action(), e.count(), e.summary(),
          e.severity(), e.details()));
    }
    if (group == null) {
      return;
    }
    group = group.withId(store.project(group, records));
    if (opened && group.priority() != null && group.incidentId() == null) {
      group = group.withIncidentId(activities.openIncident(group));
      store.project(group, List.of());
    }
    boolean resolved = group.status() == AlertStatus.RESOLVED && before != AlertStatus.RESOLVED;
    if (group.incidentId() != null && (acknowledged || resolved)
        && Workflow.getVersion(FOLLOW_INCIDENT, Workflow.DEFAULT_VERSION, 1) == 1) {
      if (acknowledged) {
        activities.followIncident(group, AlertStatus.ACKNOWLEDGED);
      }
      if (resolved) {
        activities.followIncident(group, AlertStatus.RESOLVED);
      }
    }
    if (searchAttributes && (opened || before != group.status())) {
      Workflow.upsertTypedSearchAttributes(
          AlertSearchAttributes.ALERT_STATUS.valueSet(group.status().name()));
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
