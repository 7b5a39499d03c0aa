package dev.firebreak.workflows.incident;

import dev.firebreak.workflows.Catching;
import dev.firebreak.workflows.Retries;
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
import io.temporal.failure.ActivityFailure;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;

public class IncidentWorkflowImpl implements IncidentWorkflow {

  /** The failure type of a refused change, as the caller sees it. */
  public static final String REFUSED = IncidentChangeRefused.class.getName();

  private static final Logger log = Workflow.getLogger(IncidentWorkflowImpl.class);

  static final String INTEGRATION_AUTHOR = "Firebreak";

  /** Version 1 survives a store or lookup activity that failed for good: logged, and on. */
  static final String CATCH = "incident-catch";

  private final IncidentStoreActivities store =
      Workflow.newActivityStub(
          IncidentStoreActivities.class, Retries.untilDone(Duration.ofSeconds(30)));

  private final boolean postmortemBackend;
  private final boolean searchAttributes;
  private final boolean slackRequested;
  /** Null unless Slack is configured and this run is new enough to know about it. */
  private IncidentSlack slack;
  private final IncidentIntegrationCalls integrations;
  private final IncidentEscalations escalations;
  private Incident incident;
  private int nextTimelineSeq;

  @WorkflowInit
  public IncidentWorkflowImpl(IncidentRun run) {
    this.incident = run.incident();
    this.nextTimelineSeq = run.nextTimelineSeq();
    this.postmortemBackend = run.postmortemBackend();
    this.searchAttributes = run.searchAttributes();
    this.escalations = new IncidentEscalations(run.escalation());
    this.slackRequested = run.slackEnabled();
    this.integrations = new IncidentIntegrationCalls(run.integrations());
    if (!run.continued()) {
      incident = incident.withKeyEvents(incident.keyEvents().withDeclaredIfUnset(incident.createdAt()))
          .nextVersion();
      nextTimelineSeq = 2;
    }
  }

  @Override
  public Incident run(IncidentRun run) {
    slack();
    if (!run.continued()) {
      Incident declared = incident;
      project(declared, declared(declared));
      if (slack != null) {
        slack.record(declared(declared));
      }
      integrations.declared(incident, this::note);
    }
    int version = Workflow.getVersion(IncidentEscalations.ESCALATION_VERSION,
        Workflow.DEFAULT_VERSION, 1);
    if (version >= 1 && !run.continued()) {
      escalations.startForService(incident, CATCH);
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
      log.info("incident {} continues as new at timeline entry {}", incident.id(), nextTimelineSeq);
      Workflow.continueAsNew(
          new IncidentRun(
              incident, nextTimelineSeq, postmortemBackend, searchAttributes, run.integrations(),
              escalations.state(), slackRequested ? Boolean.TRUE : null));
    }
    return incident;
  }

  /**
   * The first timeline entry of every incident. The API writes it with the incident's row, so the
   * timeline is never empty; the workflow's first projection writes the same entry again, which the
   * store ignores.
   */
  public static TimelineEntry declared(Incident incident) {
    return new TimelineEntry(incident.id(), 1, incident.createdAt(), TimelineKind.DECLARED,
        "Incident declared: " + incident.priority() + " in " + incident.environment() + ", "
            + incident.title(),
        incident.createdBy());
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
    Instant now = now();
    incident = incident.withStatus(to, change.closureReason());
    if (to == Status.MITIGATED) {
      incident = incident.withKeyEvents(incident.keyEvents().withMitigatedIfUnset(now));
    }
    if (to == Status.CLOSED) {
      incident = incident.withKeyEvents(incident.keyEvents().withResolvedIfUnset(now));
    }
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
    Roles current = incident.roles();
    Roles next =
        new Roles(
            role(change.commander(), current.commander()),
            role(change.communicationLead(), current.communicationLead()));
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
    incident =
        incident.withDetails(
            change.title() != null ? change.title() : before.title(),
            change.description() != null ? change.description() : before.description(),
            change.priority() != null ? change.priority() : before.priority(),
            change.environment() != null ? change.environment() : before.environment(),
            change.category() != null ? emptyToNull(change.category()) : before.category());
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
    if (incident.status() == Status.CLOSED) {
      throw new IncidentChangeRefused("the incident is CLOSED");
    }
  }

  @Override
  public Incident acknowledge(Acknowledge acknowledge) {
    incident = incident.withKeyEvents(incident.keyEvents().withAcknowledgedIfUnset(now()));
    String who = acknowledge.author() != null ? acknowledge.author()
        : acknowledge.userId() != null ? "user " + acknowledge.userId() : "someone";
    Incident changed = commit(TimelineKind.ACKNOWLEDGED,
        TimelineTexts.acknowledged(who, escalations.active()), acknowledge.author(), false);
    escalations.acknowledged(incident.id(), who);
    return changed;
  }

  @Override
  public void validateEscalate(Escalate escalate) {
    if (incident.status().isAtLeast(Status.MITIGATED)) {
      throw new IncidentChangeRefused("the incident is " + incident.status()
          + ": there is nobody left to page");
    }
    if (escalate.policyId() == null && !escalations.active()) {
      throw new IncidentChangeRefused(
          "no escalation is running for this incident; give a policyId to start one");
    }
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

  /**
   * Makes the current state a new version with one timeline entry and writes it to the read model
   * before the caller hears back, so that what the API lists agrees with what it was answered.
   */
  private Incident commit(TimelineKind kind, String message, String author, boolean indexed) {
    incident = incident.nextVersion();
    TimelineEntry entry =
        new TimelineEntry(incident.id(), nextTimelineSeq++, now(), kind, message, author);
    if (indexed && searchAttributes) {
      Workflow.upsertTypedSearchAttributes(
          IncidentSearchAttributes.updates(incident).toArray(SearchAttributeUpdate<?>[]::new));
    }
    Incident written = incident;
    project(written, entry);
    if (slack() != null) {
      slack.record(entry);
    }
    return written;
  }

  /**
   * Writes the read model; a write refused for good is logged and the lifecycle goes on (version
   * {@link #CATCH} 1): Temporal holds the state, and the next write carries the whole incident.
   */
  private void project(Incident written, TimelineEntry entry) {
    try {
      store.project(written, List.of(entry));
    } catch (ActivityFailure failed) {
      log.error("incident {}: timeline entry {} not stored: {}", written.id(), entry.seq(),
          Catching.orRethrow(CATCH, failed));
    }
  }

  /** The Slack side of this run, or null; decided once, by a version marker in new runs. */
  private IncidentSlack slack() {
    if (slack == null && slackRequested
        && Workflow.getVersion(IncidentSlack.CHANGE_ID, Workflow.DEFAULT_VERSION, 1) == 1) {
      slack = new IncidentSlack();
    }
    return slack;
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

  private static String role(String requested, String current) {
    return requested == null ? current : emptyToNull(requested.trim());
  }

  private static String emptyToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
