package dev.firebreak.activities.heartbeat;

import dev.firebreak.activities.alert.AlertDispatcher;
import dev.firebreak.activities.directory.Service;
import dev.firebreak.activities.directory.ServiceStore;
import dev.firebreak.workflows.alert.Severity;
import dev.firebreak.workflows.alert.messages.AlertAction;
import dev.firebreak.workflows.alert.messages.AlertBatch;
import dev.firebreak.workflows.alert.messages.AlertEvent;
import dev.firebreak.workflows.heartbeat.HeartbeatActivities;
import dev.firebreak.workflows.heartbeat.HeartbeatMonitor;
import dev.firebreak.workflows.incident.messages.Priority;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A silent heartbeat triggers a critical alert on the monitor's service, through the same alert
 * groups as every other event; a ping after it resolves the alert. Batch ids come from the
 * activity's identity, so a retried activity never counts twice.
 */
@Component("heartbeatActivities")
public class HeartbeatActivitiesImpl implements HeartbeatActivities {

  private final AlertDispatcher dispatcher;
  private final ServiceStore services;
  private final HeartbeatStore store;

  public HeartbeatActivitiesImpl(
      AlertDispatcher dispatcher, ServiceStore services, HeartbeatStore store) {
    this.dispatcher = dispatcher;
    this.services = services;
    this.store = store;
  }

  @Override
  public void missed(HeartbeatMonitor monitor, long lastPingMillis) {
    Service service = services.find(monitor.serviceId()).orElseThrow(() ->
        ApplicationFailure.newNonRetryableFailure("no service " + monitor.serviceId(),
            "NoService"));
    Priority priority = service.incidentPriority(Severity.CRITICAL);
    Instant now = Instant.now();
    String summary = "Heartbeat '" + monitor.name() + "' missed: no ping since "
        + Instant.ofEpochMilli(lastPingMillis) + (monitor.onCron()
            ? " (cron \"" + monitor.cron() + "\" in " + monitor.timeZone() : " (interval "
            + monitor.intervalSeconds() + " s") + " + grace " + monitor.graceSeconds() + " s)";
    AlertEvent event = new AlertEvent(AlertAction.TRIGGER, 1, summary, "heartbeat:" + monitor.key(),
        Severity.CRITICAL.wire(), priority, now, now,
        "{\"heartbeatMonitorId\":" + monitor.id() + "}");
    dispatcher.dispatch(monitor.serviceId(), monitor.alertDedupKey(),
        new AlertBatch(batchId(), List.of(event)));
    store.status(monitor.id(), "DOWN");
  }

  @Override
  public void recovered(HeartbeatMonitor monitor) {
    Instant now = Instant.now();
    AlertEvent event = new AlertEvent(AlertAction.RESOLVE, 1,
        "Heartbeat '" + monitor.name() + "' is back", "heartbeat:" + monitor.key(), null, null,
        now, now, null);
    dispatcher.dispatch(monitor.serviceId(), monitor.alertDedupKey(),
        new AlertBatch(batchId(), List.of(event)));
    store.status(monitor.id(), "UP");
  }

  private static String batchId() {
    ActivityInfo info = Activity.getExecutionContext().getInfo();
    return "activity:" + info.getRunId() + ":" + info.getActivityId();
  }
}
