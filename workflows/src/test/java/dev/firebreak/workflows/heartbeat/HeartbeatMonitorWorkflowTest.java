package dev.firebreak.workflows.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.workflows.Retries;
import dev.firebreak.workflows.TaskQueues;
import io.temporal.failure.ApplicationFailure;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Heartbeat monitors with time skipping: hours pass in milliseconds. */
class HeartbeatMonitorWorkflowTest {

  static class RecordingActivities implements HeartbeatActivities {
    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile boolean refuse;

    @Override
    public void missed(HeartbeatMonitor monitor, long lastPingMillis) {
      if (refuse) {
        throw ApplicationFailure.newNonRetryableFailure("value too long",
            Retries.PERMANENT_DATA_ERROR);
      }
      calls.add("missed " + monitor.alertDedupKey());
    }

    @Override
    public void recovered(HeartbeatMonitor monitor) {
      calls.add("recovered " + monitor.alertDedupKey());
    }
  }

  TestWorkflowEnvironment env;
  RecordingActivities activities;
  WorkflowClient client;
  final HeartbeatMonitor monitor = new HeartbeatMonitor(1, "k1", "nightly backup", 7, 60, 30);

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(TaskQueues.ALERTS);
    worker.registerWorkflowImplementationTypes(HeartbeatMonitorWorkflowImpl.class);
    activities = new RecordingActivities();
    worker.registerActivitiesImplementations(activities);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stop() {
    HeartbeatMonitorWorkflowImpl.pingsPerRun = 500;
    env.close();
  }

  HeartbeatMonitorWorkflow startMonitor() {
    HeartbeatMonitorWorkflow workflow = client.newWorkflowStub(HeartbeatMonitorWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(HeartbeatMonitorWorkflow.workflowId(monitor.key()))
            .setTaskQueue(TaskQueues.ALERTS)
            .build());
    WorkflowClient.start(workflow::run, HeartbeatRun.first(monitor));
    return workflow;
  }

  @Test
  void silenceBeyondIntervalAndGraceTriggersAndTheNextPingResolves() {
    HeartbeatMonitorWorkflow workflow = startMonitor();
    env.sleep(Duration.ofSeconds(80));
    workflow.ping(); // in time: 80 s < 90 s
    env.sleep(Duration.ofSeconds(80));
    assertThat(activities.calls).isEmpty();
    assertThat(workflow.state()).isEqualTo("UP");

    env.sleep(Duration.ofSeconds(20)); // 100 s since the ping
    assertThat(activities.calls).containsExactly("missed heartbeat-k1");
    assertThat(workflow.state()).isEqualTo("DOWN");
    env.sleep(Duration.ofHours(5)); // stays down, alerts once
    assertThat(activities.calls).hasSize(1);

    workflow.ping();
    env.sleep(Duration.ofSeconds(1));
    assertThat(activities.calls).containsExactly("missed heartbeat-k1", "recovered heartbeat-k1");
    assertThat(workflow.state()).isEqualTo("UP");
  }

  @Test
  void aMutedMonitorStaysQuietAndStopResolvesAnOpenAlert() {
    HeartbeatMonitorWorkflow workflow = startMonitor();
    workflow.mute(true);
    env.sleep(Duration.ofHours(2));
    assertThat(activities.calls).isEmpty();
    workflow.mute(false);
    env.sleep(Duration.ofSeconds(91));
    assertThat(activities.calls).containsExactly("missed heartbeat-k1");
    workflow.stop();
    client.newUntypedWorkflowStub(HeartbeatMonitorWorkflow.workflowId("k1")).getResult(Void.class);
    assertThat(activities.calls).containsExactly("missed heartbeat-k1", "recovered heartbeat-k1");
  }

  @Test
  void aYearOfMinutePingsContinuesAsNewAndKeepsWatching() {
    HeartbeatMonitorWorkflowImpl.pingsPerRun = 50; // the real run length is 500
    HeartbeatMonitorWorkflow workflow = startMonitor();
    WorkflowExecution first = client.newUntypedWorkflowStub(
        HeartbeatMonitorWorkflow.workflowId("k1")).describe().getExecution();
    for (int i = 0; i < 160; i++) {
      env.sleep(Duration.ofMinutes(1));
      workflow.ping();
    }
    var described = client.newUntypedWorkflowStub(HeartbeatMonitorWorkflow.workflowId("k1"))
        .describe();
    assertThat(described.getExecution().getRunId()).isNotEqualTo(first.getRunId());
    assertThat(activities.calls).isEmpty();
    env.sleep(Duration.ofMinutes(2));
    assertThat(activities.calls).containsExactly("missed heartbeat-k1");
  }

  @Test
  void aMissTheStoreRefusesForGoodLeavesTheMonitorWatching() {
    activities.refuse = true;
    HeartbeatMonitorWorkflow workflow = startMonitor();
    env.sleep(Duration.ofSeconds(100));
    assertThat(workflow.state()).isEqualTo("DOWN"); // the run survived the refusal
    activities.refuse = false;
    workflow.ping();
    env.sleep(Duration.ofSeconds(1));
    assertThat(workflow.state()).isEqualTo("UP");
    assertThat(activities.calls).containsExactly("recovered heartbeat-k1");
    env.sleep(Duration.ofSeconds(100));
    assertThat(activities.calls).containsExactly("recovered heartbeat-k1", "missed heartbeat-k1");
  }
}
