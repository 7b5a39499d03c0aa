package dev.firebreak.workflows.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.workflows.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A nightly job on "0 2 * * *" in Paris with 30 minutes' grace, on the time-skipping test server,
 * across the change to summer time on Sunday 29 March 2026: its check-in is due at 02:30 local,
 * 01:30 UTC before the change and 00:30 UTC after it.
 */
class CronHeartbeatWorkflowTest {

  /** Friday 27 March, midnight in Paris. */
  static final Instant START = Instant.parse("2026-03-27T23:00:00Z");

  static final HeartbeatMonitor NIGHTLY = new HeartbeatMonitor(2, "cron1", "nightly backup", 7, 0,
      1800, "0 2 * * *", "Europe/Paris");

  /** When each miss and recovery happened, by the test server's clock. */
  static class Recording implements HeartbeatActivities {
    final List<String> calls = new CopyOnWriteArrayList<>();
    TestWorkflowEnvironment env;

    @Override
    public void missed(HeartbeatMonitor monitor, long lastPingMillis) {
      calls.add("missed at " + now());
    }

    @Override
    public void recovered(HeartbeatMonitor monitor) {
      calls.add("recovered at " + now());
    }

    private Instant now() {
      return Instant.ofEpochMilli(env.currentTimeMillis()).truncatedTo(ChronoUnit.MINUTES);
    }
  }

  TestWorkflowEnvironment env;
  Recording activities = new Recording();
  WorkflowClient client;

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance(
        TestEnvironmentOptions.newBuilder().setInitialTime(START).build());
    activities.env = env;
    Worker worker = env.newWorker(TaskQueues.ALERTS);
    worker.registerWorkflowImplementationTypes(HeartbeatMonitorWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  HeartbeatMonitorWorkflow monitor() {
    HeartbeatMonitorWorkflow w = client.newWorkflowStub(HeartbeatMonitorWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.ALERTS)
            .setWorkflowId(HeartbeatMonitorWorkflow.workflowId(NIGHTLY.key())).build());
    WorkflowClient.start(w::run, HeartbeatRun.first(NIGHTLY));
    return w;
  }

  void sleepUntil(String instant) {
    env.sleep(Duration.between(Instant.ofEpochMilli(env.currentTimeMillis()),
        Instant.parse(instant)));
  }

  @Test
  void theCronIsDueAtItsLocalTimeOnEitherSideOfADaylightSavingChange() {
    assertThat(CronSchedule.next("0 2 * * *", "Europe/Paris", START))
        .isEqualTo(Instant.parse("2026-03-28T01:00:00Z"));
    assertThat(CronSchedule.next("0 2 * * *", "Europe/Paris",
        Instant.parse("2026-03-29T02:00:00Z")))
        .isEqualTo(Instant.parse("2026-03-30T00:00:00Z"));
    // Sunday 02:00 does not exist in Paris: cron-utils skips to Monday 02:00 CEST
    assertThat(CronSchedule.next("0 2 * * *", "Europe/Paris",
        Instant.parse("2026-03-28T01:10:00Z")))
        .isEqualTo(Instant.parse("2026-03-30T00:00:00Z"));
  }

  @Test
  void aNightlyJobMissingTheNightAfterTheChangeIsCaughtAt0230Local() {
    HeartbeatMonitorWorkflow w = monitor();
    sleepUntil("2026-03-28T01:10:00Z"); // Saturday 02:10 CET: the job checks in
    w.ping();
    // Sunday 02:00 does not exist in Paris; cron ran the job at 03:00 CEST, and it checks in
    sleepUntil("2026-03-29T01:10:00Z");
    w.ping();
    // Monday 30 March 02:00 CEST is 00:00 UTC: due by 00:30 UTC, and the job stays silent
    sleepUntil("2026-03-30T00:29:00Z");
    assertThat(activities.calls).isEmpty();
    sleepUntil("2026-03-30T00:31:00Z");
    assertThat(activities.calls).containsExactly("missed at 2026-03-30T00:30:00Z");
    w.ping();
    env.sleep(Duration.ofMinutes(1));
    assertThat(activities.calls).containsExactly("missed at 2026-03-30T00:30:00Z",
        "recovered at 2026-03-30T00:31:00Z");
    if (Boolean.getBoolean("firebreak.record-histories")) {
      w.stop();
      env.sleep(Duration.ofMinutes(1));
      try {
        Files.writeString(Path.of("src/test/resources/histories/heartbeat-cron-v1.json"),
            client.fetchHistory(HeartbeatMonitorWorkflow.workflowId(NIGHTLY.key()))
                .toJson(true));
      } catch (java.io.IOException e) {
        throw new AssertionError(e);
      }
    }
  }

  /** heartbeat-cron v1: the history above, recorded with -Dfirebreak.record-histories=true. */
  @Test
  void aCronMonitorsHistoryReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource("histories/heartbeat-cron-v1.json",
        HeartbeatMonitorWorkflowImpl.class);
  }
}
