package dev.firebreak.workflows.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.workflows.TaskQueues;
import dev.firebreak.workflows.integrations.messages.PagerDutyTrigger;
import dev.firebreak.workflows.integrations.messages.PagerDutyTriggered;
import dev.firebreak.workflows.integrations.messages.PostmortemPage;
import dev.firebreak.workflows.integrations.messages.SyncChange;
import dev.firebreak.workflows.integrations.messages.SyncLoop;
import dev.firebreak.workflows.integrations.messages.SyncReport;
import dev.firebreak.workflows.incident.messages.Incident;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sync, trigger and timer-loop workflows on the time-skipping test server. */
class SyncWorkflowsTest {

  static class FakePagerDuty implements PagerDutyActivities {
    final AtomicInteger syncs = new AtomicInteger();
    final List<String> released = new CopyOnWriteArrayList<>();
    volatile boolean refuse;

    SyncChange change(String resource) {
      return new SyncChange(resource, 1, 0, 0, 1);
    }

    @Override
    public SyncChange syncPagerDutyServices() {
      syncs.incrementAndGet();
      return change("services");
    }

    @Override
    public SyncChange syncPagerDutyUsers() {
      return change("users");
    }

    @Override
    public SyncChange syncPagerDutySchedules() {
      return change("schedules");
    }

    @Override
    public SyncChange syncPagerDutyEscalationPolicies() {
      return change("escalation_policies");
    }

    @Override
    public SyncChange syncPagerDutyOncalls() {
      return new SyncChange("oncalls", 0, 0, 2, 3);
    }

    @Override
    public PagerDutyTriggered triggerPagerDutyIncident(PagerDutyTrigger trigger) {
      if (refuse) {
        throw ApplicationFailure.newNonRetryableFailure("PagerDuty answered 400: no such service",
            "PagerDutyRefused");
      }
      return new PagerDutyTriggered("PD1", "https://pd.example/PD1", trigger.serviceId());
    }

    @Override
    public void releasePagerDutyTrigger(PagerDutyTrigger trigger) {
      released.add(trigger.serviceId());
    }
  }

  static class Notes implements IncidentNoteActivities {
    final List<String> notes = new CopyOnWriteArrayList<>();

    @Override
    public void noteOnIncident(long incidentId, String message) {
      notes.add(incidentId + ": " + message);
    }
  }

  TestWorkflowEnvironment env;
  FakePagerDuty pagerDuty;
  Notes notes;
  WorkflowClient client;

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(TaskQueues.INTEGRATIONS);
    worker.registerWorkflowImplementationTypes(PagerDutySyncWorkflowImpl.class,
        PagerDutyTriggerWorkflowImpl.class, SyncLoopWorkflowImpl.class);
    pagerDuty = new FakePagerDuty();
    notes = new Notes();
    worker.registerActivitiesImplementations(pagerDuty, notes);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  WorkflowOptions options(String id) {
    return WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.INTEGRATIONS)
        .build();
  }

  @Test
  void aPagerDutySyncReportsEveryStep() {
    SyncReport report = client.newWorkflowStub(PagerDutySyncWorkflow.class, options("sync"))
        .syncPagerDuty();
    assertThat(report.changes()).extracting(SyncChange::resource).containsExactly(
        "services", "users", "schedules", "escalation_policies", "oncalls");
    assertThat(report.changedAnything()).isTrue();
    assertThat(report.summary()).contains("oncalls: 3 (+0 ~0 -2)");
  }

  @Test
  void aTriggerNotesTheIncidentEitherWay() {
    PagerDutyTriggered triggered = client.newWorkflowStub(PagerDutyTriggerWorkflow.class,
        options(PagerDutyTriggerWorkflow.workflowId(7, "S1")))
        .triggerPagerDuty(new PagerDutyTrigger(7, "S1", "alice"));
    assertThat(triggered.pagerdutyIncidentId()).isEqualTo("PD1");
    assertThat(notes.notes).containsExactly("7: Paged PagerDuty service S1: PagerDuty incident"
        + " PD1 https://pd.example/PD1 (requested by alice)");

    pagerDuty.refuse = true;
    assertThatThrownBy(() -> client.newWorkflowStub(PagerDutyTriggerWorkflow.class,
            options(PagerDutyTriggerWorkflow.workflowId(7, "S2")))
        .triggerPagerDuty(new PagerDutyTrigger(7, "S2", "bob")))
        .isInstanceOf(WorkflowFailedException.class);
    assertThat(notes.notes.get(1)).isEqualTo(
        "7: Could not page PagerDuty service S2: PagerDuty answered 400: no such service");
    assertThat(pagerDuty.released).containsExactly("S2");
  }

  @Test
  void withoutSchedulesASyncLoopRunsTheSyncEveryPeriodAndContinuesAsNew() {
    WorkflowClient.start(client.newWorkflowStub(SyncLoopWorkflow.class,
            options("sync-loop-firebreak-pagerduty-sync"))::loop,
        new SyncLoop("PagerDutySyncWorkflow", Duration.ofMinutes(5), 1));
    env.sleep(Duration.ofMinutes(16));
    assertThat(pagerDuty.syncs.get()).isEqualTo(4);
    assertThat(client.fetchHistory("sync-loop-firebreak-pagerduty-sync").getHistory()
        .getEventsCount()).isLessThan(30);
  }
}
