package dev.firebreak.workflows.heartbeat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Writes the heartbeat monitor history that {@code SignalsReplayTest} replays. */
@EnabledIfSystemProperty(named = "firebreak.record-histories", matches = "true")
class HeartbeatHistoryRecorder extends HeartbeatMonitorWorkflowTest {

  @Test
  void recordAMonitor() throws Exception {
    HeartbeatMonitorWorkflow workflow = startMonitor();
    env.sleep(Duration.ofSeconds(60));
    workflow.ping();
    env.sleep(Duration.ofSeconds(100));
    workflow.ping();
    workflow.mute(true);
    workflow.mute(false);
    env.sleep(Duration.ofSeconds(10));
    workflow.stop();
    client.newUntypedWorkflowStub(HeartbeatMonitorWorkflow.workflowId("k1")).getResult(Void.class);
    Files.writeString(Path.of("src/test/resources/histories/heartbeat-monitor-v1.json"),
        client.fetchHistory(HeartbeatMonitorWorkflow.workflowId("k1")).toJson(true));
  }

  /** heartbeat-catch v1: a miss the store refuses for good, and the monitor goes on watching. */
  @Test
  void recordARefusedMiss() throws Exception {
    activities.refuse = true;
    HeartbeatMonitorWorkflow workflow = startMonitor();
    env.sleep(Duration.ofSeconds(100));
    activities.refuse = false;
    workflow.ping();
    env.sleep(Duration.ofSeconds(1));
    workflow.stop();
    client.newUntypedWorkflowStub(HeartbeatMonitorWorkflow.workflowId("k1")).getResult(Void.class);
    Files.writeString(Path.of("src/test/resources/histories/heartbeat-catch-v1.json"),
        client.fetchHistory(HeartbeatMonitorWorkflow.workflowId("k1")).toJson(true));
  }
}
