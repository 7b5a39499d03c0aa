package dev.firebreak.activities.heartbeat;

import dev.firebreak.activities.directory.ServiceStore;
import dev.firebreak.activities.temporal.WorkflowSummaries;
import dev.firebreak.workflows.TaskQueues;
import dev.firebreak.workflows.heartbeat.HeartbeatMonitor;
import dev.firebreak.workflows.heartbeat.HeartbeatMonitorWorkflow;
import dev.firebreak.workflows.heartbeat.HeartbeatRun;
import dev.firebreak.workflows.validation.NotFound;
import dev.firebreak.workflows.validation.Problems;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application service of heartbeat monitors: each row has its {@link
 * HeartbeatMonitorWorkflow}, started in the transaction that creates the row (so neither exists
 * without the other), told of pings, mutes and deletion through typed stubs.
 */
@Component
public class Heartbeats {

  public static final int INTERVAL_MAX = 31 * 24 * 3600;

  /** A monitor as asked for; {@code graceSeconds} defaults to 0. */
  public record HeartbeatDraft(
      String name, Long serviceId, Integer intervalSeconds, Integer graceSeconds) {}

  private final HeartbeatStore store;
  private final ServiceStore services;
  private final WorkflowClient client;
  private final TransactionTemplate transactions;

  public Heartbeats(HeartbeatStore store, ServiceStore services, WorkflowClient client,
      TransactionTemplate transactions) {
    this.store = store;
    this.services = services;
    this.client = client;
    this.transactions = transactions;
  }

  public Monitor create(HeartbeatDraft body) {
    Problems check = new Problems();
    check.require("name", body.name());
    check.maxLength("name", body.name(), 255);
    check.require("serviceId", body.serviceId());
    check.require("intervalSeconds", body.intervalSeconds());
    check.range("intervalSeconds", body.intervalSeconds(), 1, INTERVAL_MAX);
    check.range("graceSeconds", body.graceSeconds(), 0, INTERVAL_MAX);
    if (body.serviceId() != null && services.find(body.serviceId()).isEmpty()) {
      check.add("serviceId", "no service " + body.serviceId());
    }
    check.throwIfAny();
    int grace = body.graceSeconds() == null ? 0 : body.graceSeconds();
    // the row commits only once Temporal has accepted the monitor's workflow
    return transactions.execute(tx -> {
      Monitor m = store.create(body.name().trim(), body.serviceId(), body.intervalSeconds(), grace);
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

  public List<Monitor> list() {
    return store.list();
  }

  public Monitor get(long id) {
    return store.find(id).orElseThrow(() -> new NotFound("no heartbeat monitor " + id));
  }

  public Monitor mute(long id, Boolean muted) {
    Problems check = new Problems();
    check.require("muted", muted);
    check.throwIfAny();
    Monitor m = get(id);
    stub(m.key()).mute(muted);
    store.mute(id, muted);
    return get(id);
  }

  /** Stops the monitor's workflow (its open alert resolves), then forgets the monitor. */
  public void delete(long id) {
    Monitor m = get(id);
    try {
      stub(m.key()).stop();
    } catch (WorkflowNotFoundException alreadyGone) {
      // nothing left to stop
    }
    store.delete(id);
  }

  /** A ping of the monitor with {@code key}: its timer starts over. */
  public Monitor ping(String key) {
    Monitor m = store.findByKey(key)
        .orElseThrow(() -> new NotFound("no heartbeat monitor with this key"));
    stub(key).ping();
    store.pinged(m.id(), Instant.now());
    return m;
  }

  private HeartbeatMonitorWorkflow stub(String key) {
    return client.newWorkflowStub(HeartbeatMonitorWorkflow.class,
        HeartbeatMonitorWorkflow.workflowId(key));
  }

  static HeartbeatMonitor monitorOf(Monitor m) {
    return new HeartbeatMonitor(m.id(), m.key(), m.name(), m.serviceId(), m.intervalSeconds(),
        m.graceSeconds());
  }
}
