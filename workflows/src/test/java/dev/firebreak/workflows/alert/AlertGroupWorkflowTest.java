package dev.firebreak.workflows.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.workflows.Retries;
import dev.firebreak.workflows.TaskQueues;
import dev.firebreak.workflows.alert.messages.QuarantinedEvent;
import io.temporal.failure.ApplicationFailure;
import dev.firebreak.workflows.alert.messages.AlertAction;
import dev.firebreak.workflows.alert.messages.AlertBatch;
import dev.firebreak.workflows.alert.messages.AlertEvent;
import dev.firebreak.workflows.alert.messages.AlertEventRecord;
import dev.firebreak.workflows.alert.messages.AlertGroup;
import dev.firebreak.workflows.alert.messages.AlertGroupRun;
import dev.firebreak.workflows.alert.messages.AlertStatus;
import dev.firebreak.workflows.incident.messages.Priority;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributeKey;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Alert groups on Temporal's time-skipping test server, with a recording store. */
class AlertGroupWorkflowTest {

  /**
   * Stores groups by open key like the PostgreSQL store, and counts incidents opened. Like
   * PostgreSQL it refuses for good a NUL character or a dedup key over 255 characters.
   */
  static class RecordingActivities implements AlertActivities, AlertQuarantine {
    final List<QuarantinedEvent> quarantined = new CopyOnWriteArrayList<>();
    final AtomicLong projections = new AtomicLong();

    final Map<String, Long> ids = new ConcurrentHashMap<>();
    final Map<Long, AlertGroup> groups = new ConcurrentHashMap<>();
    final List<AlertEventRecord> events = new CopyOnWriteArrayList<>();
    final List<Long> incidentsOpened = new CopyOnWriteArrayList<>();
    final AtomicLong sequence = new AtomicLong();

    @Override
    public long project(AlertGroup group, List<AlertEventRecord> newEvents) {
      projections.incrementAndGet();
      if (group.dedupKey().length() > 255 || group.summary().contains("\u0000")
          || newEvents.stream().anyMatch(e -> e.summary().contains("\u0000"))) {
        throw ApplicationFailure.newNonRetryableFailure(
            "ERROR: invalid byte sequence for encoding \"UTF8\": 0x00",
            Retries.PERMANENT_DATA_ERROR);
      }
      long id = ids.computeIfAbsent(group.openKey(), k -> sequence.incrementAndGet());
      groups.merge(id, group.withId(id), (old, neu) -> old.version() >= neu.version() ? old : neu);
      events.addAll(newEvents);
      return id;
    }

    final List<String> followed = new CopyOnWriteArrayList<>();

    @Override
    public void quarantine(QuarantinedEvent event) {
      // like the store: the last write of a key wins (a failed workflow task may write it again)
      quarantined.removeIf(q -> q.key().equals(event.key()));
      quarantined.add(event);
    }

    @Override
    public long openIncident(AlertGroup group) {
      incidentsOpened.add(group.id());
      return 1000 + group.id();
    }

    @Override
    public void followIncident(AlertGroup group, AlertStatus change) {
      followed.add(group.incidentId() + " " + change);
    }
  }

  TestWorkflowEnvironment env;
  RecordingActivities activities;
  WorkflowClient client;
  final Instant t0 = Instant.parse("2026-11-22T10:00:00Z");

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    for (SearchAttributeKey<?> key : AlertSearchAttributes.ALL) {
      env.registerSearchAttribute(key.getName(), key.getValueType());
    }
    Worker worker = env.newWorker(TaskQueues.ALERTS);
    worker.registerWorkflowImplementationTypes(AlertGroupWorkflowImpl.class);
    activities = new RecordingActivities();
    worker.registerActivitiesImplementations(activities);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stop() {
    AlertGroupWorkflowImpl.maxBatchesPerRun = 2_000;
    env.close();
  }

  AlertEvent event(AlertAction action, int count, Priority priority) {
    return new AlertEvent(action, count, "Disk full on db-1", "db-1", "critical", priority, t0,
        t0.plusSeconds(count), "{\"free\":0}");
  }

  /** As the API sends it: signal-with-start when the batch triggers, else a plain signal. */
  WorkflowExecution send(long serviceId, String dedupKey, AlertBatch batch) {
    String id = AlertGroupWorkflow.workflowId(serviceId, dedupKey);
    WorkflowStub stub = client.newUntypedWorkflowStub("AlertGroupWorkflow",
        WorkflowOptions.newBuilder()
            .setWorkflowId(id)
            .setTaskQueue(TaskQueues.ALERTS)
            .setTypedSearchAttributes(AlertSearchAttributes.of(serviceId, AlertStatus.TRIGGERED))
            .build());
    return stub.signalWithStart("events", new Object[] {batch},
        new Object[] {AlertGroupRun.first(serviceId, dedupKey, true)});
  }

  static AlertBatch batch(AlertEvent... events) {
    return new AlertBatch(UUID.randomUUID().toString(), List.of(events));
  }

  AlertGroup result(long serviceId, String dedupKey) {
    return client.newUntypedWorkflowStub(AlertGroupWorkflow.workflowId(serviceId, dedupKey))
        .getResult(AlertGroup.class);
  }

  AlertGroup query(long serviceId, String dedupKey) {
    return client.newWorkflowStub(AlertGroupWorkflow.class,
        AlertGroupWorkflow.workflowId(serviceId, dedupKey)).group();
  }

  @Test
  void repeatsCountAcknowledgeAndResolveEndTheGroupAndAnIncidentOpensOnce() {
    send(1, "disk", batch(event(AlertAction.TRIGGER, 1, Priority.P1)));
    send(1, "disk", batch(event(AlertAction.TRIGGER, 40, Priority.P1),
        event(AlertAction.TRIGGER, 2, Priority.P1)));
    send(1, "disk", batch(event(AlertAction.ACKNOWLEDGE, 1, null)));
    send(1, "disk", batch(event(AlertAction.TRIGGER, 7, Priority.P1),
        event(AlertAction.RESOLVE, 1, null)));

    AlertGroup done = result(1, "disk");
    assertThat(done.status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(done.count()).isEqualTo(50);
    assertThat(done.acknowledgedAt()).isNotNull();
    assertThat(done.resolvedAt()).isNotNull();
    assertThat(done.incidentId()).isEqualTo(1001L);
    assertThat(activities.incidentsOpened).containsExactly(1L);
    // the incident follows: acknowledged, then mitigated
    assertThat(activities.followed).containsExactly("1001 ACKNOWLEDGED", "1001 RESOLVED");
    AlertGroup stored = activities.groups.get(1L);
    assertThat(stored.count()).isEqualTo(50);
    assertThat(stored.status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(stored.incidentId()).isEqualTo(1001L);
    assertThat(activities.events.stream().mapToInt(AlertEventRecord::count).sum())
        .isEqualTo(52); // 50 triggers, an acknowledge and a resolve
  }

  @Test
  void aRetriedBatchIsCountedOnce() {
    AlertBatch first = batch(event(AlertAction.TRIGGER, 5, null));
    send(2, "cpu", first);
    send(2, "cpu", first);
    send(2, "cpu", batch(event(AlertAction.TRIGGER, 1, null)));
    send(2, "cpu", batch(event(AlertAction.RESOLVE, 1, null)));
    AlertGroup done = result(2, "cpu");
    assertThat(done.count()).isEqualTo(6);
    assertThat(done.incidentId()).isNull();
    assertThat(activities.incidentsOpened).isEmpty();
  }

  @Test
  void aTriggerAfterTheResolveOpensANewGroup() {
    send(3, "api", batch(event(AlertAction.TRIGGER, 3, null), event(AlertAction.RESOLVE, 1, null),
        event(AlertAction.TRIGGER, 4, null)));
    // the first group resolved; the same workflow id continued as new with the next group
    env.sleep(Duration.ofSeconds(1));
    AlertGroup next = query(3, "api");
    assertThat(next.status()).isEqualTo(AlertStatus.TRIGGERED);
    assertThat(next.count()).isEqualTo(4);
    assertThat(activities.groups).hasSize(2);
    AlertGroup first = activities.groups.get(1L);
    assertThat(first.status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(first.count()).isEqualTo(3);
    assertThat(next.openKey()).isNotEqualTo(first.openKey());

    send(3, "api", batch(event(AlertAction.RESOLVE, 1, null)));
    assertThat(result(3, "api").count()).isEqualTo(4);
    // after the run ended, a new trigger starts a new run and a third group
    send(3, "api", batch(event(AlertAction.TRIGGER, 1, null)));
    env.sleep(Duration.ofSeconds(1));
    assertThat(activities.groups).hasSize(3);
    assertThat(query(3, "api").count()).isEqualTo(1);
  }

  @Test
  void anAcknowledgeWithoutAnOpenGroupIsIgnored() {
    send(4, "gone", batch(event(AlertAction.ACKNOWLEDGE, 1, null),
        event(AlertAction.RESOLVE, 1, null)));
    assertThat(result(4, "gone")).isNull();
    assertThat(activities.groups).isEmpty();
  }

  @Test
  void manyBatchesContinueAsNewWithExactCounts() throws InterruptedException {
    AlertGroupWorkflowImpl.maxBatchesPerRun = 5;
    WorkflowExecution first = send(5, "storm", batch(event(AlertAction.TRIGGER, 1, Priority.P2)));
    List<AlertBatch> sent = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      AlertBatch b = batch(event(AlertAction.TRIGGER, 10, Priority.P2));
      sent.add(b);
      send(5, "storm", b);
    }
    // more batches than a run takes: the workflow continues as new (poll: it runs in real time)
    String id = AlertGroupWorkflow.workflowId(5, "storm");
    long deadline = System.currentTimeMillis() + 10_000;
    String lastRun = first.getRunId();
    while (lastRun.equals(first.getRunId()) && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
      lastRun = client.newUntypedWorkflowStub(id).describe().getExecution().getRunId();
    }
    send(5, "storm", sent.get(3)); // a retry across runs is still recognised
    send(5, "storm", batch(event(AlertAction.RESOLVE, 1, null)));
    AlertGroup done = result(5, "storm");
    assertThat(done.count()).isEqualTo(231);
    assertThat(activities.groups).hasSize(1);
    assertThat(activities.incidentsOpened).hasSize(1);
    assertThat(lastRun).isNotEqualTo(first.getRunId());
  }

  AlertEvent poison(int count) {
    return new AlertEvent(AlertAction.TRIGGER, count, "Disk full\u0000on db-1", "db-1",
        "critical", Priority.P1, t0, t0.plusSeconds(count), null);
  }

  @Test
  void aPoisonEventIsQuarantinedAndTheGroupGoesOn() {
    send(6, "poison", batch(event(AlertAction.TRIGGER, 1, Priority.P1)));
    send(6, "poison", batch(event(AlertAction.TRIGGER, 2, Priority.P1), poison(100),
        event(AlertAction.TRIGGER, 3, Priority.P1)));
    send(6, "poison", batch(poison(1000)));
    send(6, "poison", batch(event(AlertAction.ACKNOWLEDGE, 1, null)));
    send(6, "poison", batch(event(AlertAction.TRIGGER, 4, Priority.P1),
        event(AlertAction.RESOLVE, 1, null)));

    AlertGroup done = result(6, "poison");
    assertThat(done.status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(done.count()).isEqualTo(10); // every good trigger once, no poison
    assertThat(done.summary()).isEqualTo("Disk full on db-1");
    assertThat(activities.groups.get(done.id()).count()).isEqualTo(10);
    assertThat(activities.groups.get(done.id()).status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(activities.followed).containsExactly("1001 ACKNOWLEDGED", "1001 RESOLVED");
    assertThat(activities.quarantined).hasSize(2);
    assertThat(activities.quarantined).allSatisfy(q -> {
      assertThat(q.groupId()).isEqualTo(done.id());
      assertThat(q.reason()).startsWith(Retries.PERMANENT_DATA_ERROR + ": ")
          .contains("0x00");
      assertThat(q.event().summary()).contains("\u0000");
    });
    assertThat(activities.quarantined).extracting(q -> q.event().count())
        .containsExactly(100, 1000);
    // every stored event has a sequence number of its own, with no gap for the poison
    assertThat(activities.events).extracting(AlertEventRecord::seq)
        .containsExactly(1, 2, 3, 4, 5, 6);
  }

  @Test
  void aPoisonEventThatWouldHaveOpenedTheGroupIsQuarantinedWithTheGroupTheNextOneOpens() {
    send(8, "first", batch(poison(1), event(AlertAction.TRIGGER, 2, Priority.P1)));
    send(8, "first", batch(event(AlertAction.RESOLVE, 1, null)));
    AlertGroup done = result(8, "first");
    assertThat(done.count()).isEqualTo(2);
    assertThat(activities.quarantined).singleElement()
        .satisfies(q -> assertThat(q.groupId()).isEqualTo(done.id()));
  }

  @Test
  void aGroupWhoseKeyTheStoreRefusesQuarantinesItsEventsAndKeepsRunning() {
    String longKey = "f".repeat(300);
    send(7, longKey, batch(event(AlertAction.TRIGGER, 1, Priority.P1)));
    send(7, longKey, batch(event(AlertAction.TRIGGER, 2, Priority.P1)));
    // nothing could be stored, so nothing is open: the run ends with no group
    assertThat(client.newUntypedWorkflowStub(AlertGroupWorkflow.workflowId(7, longKey))
        .getResult(AlertGroup.class)).isNull();
    // two identical triggers: quarantined apart, or together when they came in one apply
    assertThat(activities.quarantined.stream().mapToInt(q -> q.event().count()).sum())
        .isEqualTo(3);
    assertThat(activities.quarantined).allSatisfy(q -> {
      assertThat(q.groupId()).isNull();
      assertThat(q.dedupKey()).isEqualTo(longKey);
    });
    assertThat(activities.groups).isEmpty();
    assertThat(activities.incidentsOpened).isEmpty();
  }
}
