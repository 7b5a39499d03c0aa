package dev.firebreak.workflows.incident;

import dev.firebreak.workflows.incident.messages.Acknowledge;
import dev.firebreak.workflows.incident.messages.AddUpdate;
import dev.firebreak.workflows.incident.messages.ChangeDetails;
import dev.firebreak.workflows.incident.messages.ChangeKeyEvents;
import dev.firebreak.workflows.incident.messages.ChangeRoles;
import dev.firebreak.workflows.incident.messages.ChangeStatus;
import dev.firebreak.workflows.incident.messages.Escalate;
import dev.firebreak.workflows.incident.messages.EscalationNote;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.IncidentRun;
import dev.firebreak.workflows.incident.messages.Roles;
import dev.firebreak.workflows.incident.messages.Status;
import dev.firebreak.workflows.incident.messages.TimelineEntry;
import dev.firebreak.workflows.incident.messages.TimelineKind;
import dev.firebreak.workflows.integrations.IncidentIntegrationCalls;
import dev.firebreak.workflows.slack.IncidentSlack;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * An incident's lifecycle, workflow id {@code incident-<id>}: update handlers check a change
 * against {@link IncidentRules}, apply it ({@link IncidentChanges}), and commit it as a new
 * version with one timeline entry written to the read model before the caller hears back. What
 * follows from a change is handed to components: escalations ({@link IncidentEscalations}),
 * integrations ({@code IncidentIntegrationCalls}) and Slack ({@code IncidentSlack}), whose slow
 * work the main loop drains so no update waits on a SaaS.
 */
public class IncidentWorkflowImpl implements IncidentWorkflow {

  /** The failure type of a refused change, as the caller sees it. */
  public static final String REFUSED = IncidentChangeRefused.class.getName();

  private static final Logger log = Workflow.getLogger(IncidentWorkflowImpl.class);

  static final String INTEGRATION_AUTHOR = "Firebreak";

  private final boolean postmortemBackend;
  private final boolean searchAttributes;
  private final boolean slackRequested;
  private final IncidentTimeline timeline;
  private final IncidentIntegrationCalls integrations;
  private final IncidentEscalations escalations;
  private Incident incident;

  @WorkflowInit
  public IncidentWorkflowImpl(IncidentRun run) {
    this.incident = run.incident();
    this.postmortemBackend = run.postmortemBackend();
    this.searchAttributes = run.searchAttributes();
    this.escalations = new IncidentEscalations(run.escalation());
    this.slackRequested = run.slackEnabled();
    this.integrations = new IncidentIntegrationCalls(run.integrations());
    if (!run.continued()) {
      incident = incident.withKeyEvents(incident.keyEvents().withDeclaredIfUnset(incident.createdAt()))
          .nextVersion();
    }
    this.timeline = new IncidentTimeline(run.continued() ? run.nextTimelineSeq() : 2,
        searchAttributes, slackRequested);
  }

  @Override
  public Incident run(IncidentRun run) {
    Workflow.setCurrentDetails(IncidentDetails.incident(incident));
    IncidentSlack slack = timeline.slack();
    if (!run.continued()) {
      timeline.declared(incident);
      integrations.declared(incident, this::note);
    }
    int version = Workflow.getVersion(IncidentEscalations.ESCALATION_VERSION,
        Workflow.DEFAULT_VERSION, 1);
    if (version >= 1 && !run.continued()) {
      escalations.startForService(incident, IncidentTimeline.CATCH);
    }
    while (true) {
      Workflow.await(
          () -> incident.status() == Status.CLOSED || Workflow.getInfo().isContinueAsNewSuggested()
              || integrations.hasWork() || (slack != null && slack.hasWork()));
      if (integrations.hasWork()) {
        integrations.drain(incident, this::note);
        continue;
      }
      if (slack != null && slack.hasWork()) {
        slack.drain(incident, this::note);
        continue;
      }
      break;
    }
    Workflow.await(Workflow::isEveryHandlerFinished);
    if (slack != null) {
      slack.finish(incident, this::note);
    }
    if (incident.status() != Status.CLOSED) {
      log.info("incident {} continues as new at timeline entry {}", incident.id(),
          timeline.nextSeq());
      Workflow.continueAsNew(
          new IncidentRun(
              incident, timeline.nextSeq(), postmortemBackend, searchAttributes, run.integrations(),
              escalations.state(), slackRequested ? Boolean.TRUE : null));
    }
    return incident;
  }

  /** The first timeline entry of every incident: {@link TimelineTexts#declared}. */
  public static TimelineEntry declared(Incident incident) {
    return TimelineTexts.declared(incident);
  }

  @Override
  public Incident incident() {
    return incident;
  }

  @Override
  public void validateChangeStatus(ChangeStatus change) {
    refuseIf(IncidentRules.refuseStatusChange(incident, change, postmortemBackend));
  }

  @Override
  public Incident changeStatus(ChangeStatus change) {
    Status from = incident.status();
    Status to = change.status();
    incident = IncidentChanges.status(incident, change, now());
    integrations.statusChanged(to);
    Incident changed = commit(TimelineKind.STATUS_CHANGED,
        TimelineTexts.statusChanged(from, change), change.author(), true);
    if (to.isAtLeast(Status.MITIGATED)) {
      escalations.stop(incident.id(), "the incident is " + to);
    }
    return changed;
  }

  @Override
  public void validateChangeRoles(ChangeRoles change) {
    refuseIf(IncidentRules.refuseRoles(incident, change));
  }

  @Override
  public Incident changeRoles(ChangeRoles change) {
    Roles next = IncidentChanges.roles(incident.roles(), change);
    incident = incident.withRoles(next);
    return commit(TimelineKind.ROLES_CHANGED, TimelineTexts.roles(next), change.author(), false);
  }

  @Override
  public void validateChangeKeyEvents(ChangeKeyEvents change) {
    refuseIf(IncidentRules.refuseKeyEvents(incident, change, now()));
  }

  @Override
  public Incident changeKeyEvents(ChangeKeyEvents change) {
    incident = incident.withKeyEvents(incident.keyEvents().merge(change.keyEvents()));
    return commit(TimelineKind.KEY_EVENTS_CHANGED, TimelineTexts.keyEventsSet(change),
        change.author(), false);
  }

  @Override
  public void validateChangeDetails(ChangeDetails change) {
    refuseIf(IncidentRules.refuseDetails(incident, change));
  }

  @Override
  public Incident changeDetails(ChangeDetails change) {
    Incident before = incident;
    incident = IncidentChanges.details(before, change);
    boolean indexed =
        incident.priority() != before.priority() || incident.environment() != before.environment();
    return commit(TimelineKind.DETAILS_CHANGED,
        TimelineTexts.detailsChanged(before, incident, change), change.author(), indexed);
  }

  @Override
  public void validateAddUpdate(AddUpdate update) {
    refuseIf(IncidentRules.refuseUpdate(incident, update));
  }

  @Override
  public Incident addUpdate(AddUpdate update) {
    return commit(TimelineKind.UPDATE, update.message().trim(), update.author(), false);
  }

  @Override
  public void validateAcknowledge(Acknowledge acknowledge) {
    refuseIf(IncidentChanges.refuseAcknowledge(incident));
  }

  @Override
  public Incident acknowledge(Acknowledge acknowledge) {
    incident = incident.withKeyEvents(incident.keyEvents().withAcknowledgedIfUnset(now()));
    String who = acknowledge.who();
    Incident changed = commit(TimelineKind.ACKNOWLEDGED,
        TimelineTexts.acknowledged(who, escalations.active()), acknowledge.author(), false);
    escalations.acknowledged(incident.id(), who);
    return changed;
  }

  @Override
  public void validateEscalate(Escalate escalate) {
    refuseIf(IncidentChanges.refuseEscalate(incident, escalate, escalations.active()));
  }

  @Override
  public Incident escalate(Escalate escalate) {
    if (escalate.policyId() == null) {
      escalations.escalateNow(incident.id());
      return commit(TimelineKind.ESCALATION, "Escalated: paging the next step now",
          escalate.author(), false);
    }
    escalations.stop(incident.id(), "replaced by escalation policy " + escalate.policyId());
    Incident changed = commit(TimelineKind.ESCALATION,
        "Escalated with escalation policy " + escalate.policyId(), escalate.author(), false);
    escalations.start(incident, escalate.policyId(), escalate.ackTimeoutMinutes());
    return changed;
  }

  @Override
  public void noteEscalation(EscalationNote note) {
    for (String message : note.messages()) {
      commit(TimelineKind.ESCALATION, message, "escalation", false);
    }
  }

  /** Makes the current state a new version with one timeline entry: {@link IncidentTimeline}. */
  private Incident commit(TimelineKind kind, String message, String author, boolean indexed) {
    incident = incident.nextVersion();
    Incident recorded = timeline.record(incident, kind, message, author, indexed);
    Workflow.setCurrentDetails(IncidentDetails.incident(incident));
    return recorded;
  }

  /** A note Firebreak itself puts on the timeline (an integration that gave up, for example). */
  private void note(String message) {
    commit(TimelineKind.INTEGRATION, message, INTEGRATION_AUTHOR, false);
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }

  private static void refuseIf(Optional<String> refusal) {
    if (refusal.isPresent()) {
      throw new IncidentChangeRefused(refusal.get());
    }
  }
}
