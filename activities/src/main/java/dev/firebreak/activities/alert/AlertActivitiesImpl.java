package dev.firebreak.activities.alert;

import dev.firebreak.activities.incident.CommandId;
import dev.firebreak.activities.incident.IncidentCommands;
import dev.firebreak.activities.incident.IncidentNotFound;
import dev.firebreak.workflows.alert.AlertActivities;
import dev.firebreak.workflows.alert.messages.AlertEventRecord;
import dev.firebreak.workflows.alert.messages.AlertGroup;
import dev.firebreak.workflows.alert.messages.AlertStatus;
import dev.firebreak.workflows.incident.IncidentChangeRefused;
import dev.firebreak.workflows.incident.IncidentRules;
import dev.firebreak.workflows.incident.messages.Actor;
import dev.firebreak.workflows.incident.messages.ChangeStatus;
import dev.firebreak.workflows.incident.messages.Environment;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.KeyEvents;
import dev.firebreak.workflows.incident.messages.Roles;
import dev.firebreak.workflows.incident.messages.Status;
import dev.firebreak.workflows.alert.AlertQuarantine;
import dev.firebreak.workflows.alert.messages.AlertEvent;
import dev.firebreak.workflows.alert.messages.QuarantinedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.common.converter.GlobalDataConverter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alert groups' projection, quarantine and incident opening; registered on the alerts
 * worker.
 */
@Component("alertActivities")
public class AlertActivitiesImpl implements AlertActivities, AlertQuarantine {

  /** Counts events quarantined for the first time (a rewrite of the same key is not counted). */
  public static final String QUARANTINED_METRIC = "firebreak.alerts.quarantined";

  private static final Logger log = LoggerFactory.getLogger(AlertActivitiesImpl.class);

  private final AlertStore store;
  private final IncidentCommands commands;
  private final Counter quarantined;

  public AlertActivitiesImpl(AlertStore store, IncidentCommands commands,
      ObjectProvider<MeterRegistry> meters) {
    this.store = store;
    this.commands = commands;
    this.quarantined = Counter.builder(QUARANTINED_METRIC)
        .description("Alert events the read model refused for good, kept in quarantine")
        .register(meters.getIfAvailable(() -> Metrics.globalRegistry));
  }

  /** The dedup key of the incident a group opens: one incident per group, even on retries. */
  public static String incidentDedupKey(AlertGroup group) {
    return "alert-group-" + group.id();
  }

  @Override
  @Transactional
  public long project(AlertGroup group, List<AlertEventRecord> newEvents) {
    return store.project(group, newEvents);
  }

  /**
   * Carries the group's acknowledgement or resolution over to its incident, through the incident
   * command gateway with an id per (group, transition): a retried activity is applied once.
   */
  @Override
  public void quarantine(QuarantinedEvent event) {
    if (store.quarantine(event, json(event.event()))) {
      quarantined.increment();
    }
  }

  /** The event as its workflow received it: Temporal's own JSON, which escapes control chars. */
  private static String json(AlertEvent event) {
    try {
      return GlobalDataConverter.get().toPayload(event).orElseThrow().getData().toStringUtf8();
    } catch (RuntimeException unwritable) {
      return String.valueOf(event);
    }
  }

  @Override
  public void followIncident(AlertGroup group, AlertStatus status) {
    Actor actor = Actor.of("alert " + group.dedupKey(), Actor.Channel.ALERT);
    CommandId command =
        CommandId.of("alert-group-" + group.id() + "-" + status.name().toLowerCase());
    long incidentId = group.incidentId();
    try {
      if (status == AlertStatus.ACKNOWLEDGED) {
        commands.acknowledge(incidentId, actor, command);
      } else if (status == AlertStatus.RESOLVED) {
        commands.changeStatus(incidentId, new ChangeStatus(Status.MITIGATED,
            "Alert group " + group.id() + " (" + group.dedupKey() + ") resolved by its source",
            null, null), actor, command);
      }
    } catch (IncidentChangeRefused refused) {
      // already acknowledged, mitigated or closed: nothing to carry over; anything else is retried
      log.info("incident {} does not follow alert group {} ({}): {}", incidentId, group.id(),
          status, refused.getMessage());
    } catch (IncidentNotFound | WorkflowNotFoundException gone) {
      log.info("incident {} has no running workflow; alert group {} is {}", incidentId,
          group.id(), status);
    }
  }

  @Override
  public long openIncident(AlertGroup group) {
    var linked = store.incidentOf(group.id());
    if (linked.isPresent()) {
      return linked.get();
    }
    String title = AlertStore.cap(group.summary(), IncidentRules.TITLE_MAX);
    String description = "Opened by alert group " + group.id() + " (dedup key " + group.dedupKey()
        + (group.source() == null ? "" : ", source " + group.source()) + ", severity "
        + group.severity() + ").";
    Incident draft = new Incident(0, title, description, group.priority(), Environment.PRD, null,
        false, incidentDedupKey(group), null, "firebreak-alerts", Status.OPEN, null, Roles.NONE,
        KeyEvents.NONE, 0, group.serviceId());
    long id = commands.open(draft, Actor.of("firebreak-alerts", Actor.Channel.ALERT))
        .incident().id();
    store.linkIncident(group.id(), id);
    return id;
  }
}
