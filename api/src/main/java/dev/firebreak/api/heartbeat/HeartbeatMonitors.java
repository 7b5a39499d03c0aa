package dev.firebreak.api.heartbeat;

import dev.firebreak.activities.heartbeat.HeartbeatStore;
import dev.firebreak.activities.temporal.WorkflowSummaries;
import dev.firebreak.workflows.TaskQueues;
import dev.firebreak.workflows.heartbeat.HeartbeatMonitor;
import dev.firebreak.workflows.heartbeat.HeartbeatMonitorWorkflow;
import dev.firebreak.workflows.heartbeat.HeartbeatRun;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creating and pinging heartbeat monitors, whoever asks: the REST API ({@link
 * HeartbeatController}) and Firebreak's own heartbeat ({@link SelfHeartbeat}).
 */
@Component
public class HeartbeatMonitors {

  private final HeartbeatStore store;
  private final WorkflowClient client;
  private final TransactionTemplate transactions;

  public HeartbeatMonitors(HeartbeatStore store, WorkflowClient client,
      TransactionTemplate transactions) {
    this.store = store;
    this.client = client;
    this.transactions = transactions;
  }

  /** Stores the monitor and starts its workflow: the row commits only once Temporal has it. */
  public HeartbeatStore.Monitor create(String name, long serviceId, int intervalSeconds,
      int graceSeconds) {
    return transactions.execute(tx -> {
      HeartbeatStore.Monitor m = store.create(name, serviceId, intervalSeconds, graceSeconds);
      HeartbeatMonitorWorkflow workflow = client.newWorkflowStub(HeartbeatMonitorWorkflow.class,
          WorkflowOptions.newBuilder()
              .setWorkflowId(HeartbeatMonitorWorkflow.workflowId(m.key()))
              .setTaskQueue(TaskQueues.ALERTS)
              .setStaticSummary(WorkflowSummaries.heartbeatSummary(monitorOf(m)))
              .setStaticDetails(WorkflowSummaries.heartbeatDetails(monitorOf(m)))
              .setWorkflowIdReusePolicy(
                  WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
              .build());
      WorkflowClient.start(workflow::run, HeartbeatRun.first(monitorOf(m)));
      return m;
    });
  }

  /** One ping: the monitor's timer starts over, and the read model notes when. */
  public void ping(HeartbeatStore.Monitor m) {
    stub(m.key()).ping();
    store.pinged(m.id(), Instant.now());
  }

  HeartbeatMonitorWorkflow stub(String key) {
    return client.newWorkflowStub(HeartbeatMonitorWorkflow.class,
        HeartbeatMonitorWorkflow.workflowId(key));
  }

  static HeartbeatMonitor monitorOf(HeartbeatStore.Monitor m) {
    return new HeartbeatMonitor(m.id(), m.key(), m.name(), m.serviceId(), m.intervalSeconds(),
        m.graceSeconds());
  }
}
