package dev.firebreak.workflows.incident;

import dev.firebreak.workflows.Catching;
import dev.firebreak.workflows.Retries;
import dev.firebreak.workflows.TaskQueues;
import dev.firebreak.workflows.escalation.EscalationActivities;
import dev.firebreak.workflows.escalation.EscalationRun;
import dev.firebreak.workflows.escalation.EscalationState;
import dev.firebreak.workflows.escalation.EscalationTrigger;
import dev.firebreak.workflows.escalation.EscalationWorkflow;
import dev.firebreak.workflows.incident.messages.Acknowledge;
import dev.firebreak.workflows.incident.messages.AddUpdate;
import dev.firebreak.workflows.incident.messages.ChangeDetails;
import dev.firebreak.workflows.incident.messages.ChangeKeyEvents;
import dev.firebreak.workflows.incident.messages.ChangeRoles;
import dev.firebreak.workflows.incident.messages.ChangeStatus;
import dev.firebreak.workflows.incident.messages.Escalate;
import dev.firebreak.workflows.incident.messages.EscalationNote;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.IncidentEscalation;
import dev.firebreak.workflows.incident.messages.IncidentRun;
import dev.firebreak.workflows.incident.messages.Roles;
import dev.firebreak.workflows.incident.messages.Status;
import dev.firebreak.workflows.incident.messages.TimelineEntry;
import dev.firebreak.workflows.incident.messages.TimelineKind;
import dev.firebreak.workflows.slack.IncidentSlack;
import dev.firebreak.workflows.integrations.ConfluenceActivities;
import dev.firebreak.workflows.integrations.IntegrationFailures;
import dev.firebreak.workflows.integrations.JiraActivities;
import dev.firebreak.workflows.integrations.messages.IncidentIntegrations;
import dev.firebreak.workflows.integrations.messages.JiraTicket;
import dev.firebreak.workflows.integrations.messages.PostmortemPage;
import io.temporal.failure.ActivityFailure;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
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

  /** getVersion change ids of the integrations' side effects. */
  static final String JIRA_TICKET = "jira-ticket";
  static final String POSTMORTEM_PAGE = "postmortem-page";
  static final String INTEGRATION_AUTHOR = "Firebreak";

  /** Version 1 survives a store or lookup activity that failed for good: logged, and on. */
  static final String CATCH = "incident-catch";

  private final IncidentStoreActivities store =
      Workflow.newActivityStub(
          IncidentStoreActivities.class, Retries.untilDone(Duration.ofSeconds(30)));

  /** Version 1 starts an escalation when the incident's service has a policy. */
  static final String ESCALATION_VERSION = "escalation";

  private final EscalationActivities oncall =
      Workflow.newActivityStub(
          EscalationActivities.class, Retries.untilDone(Duration.ofSeconds(30), TaskQueues.ONCALL));

  private final boolean postmortemBackend;
  private final boolean searchAttributes;
  private final boolean slackRequested;
  /** Null unless Slack is configured and this run is new enough to know about it. */
  private IncidentSlack slack;
  private final IncidentIntegrations integrations;
  private Incident incident;
  private int nextTimelineSeq;
  private boolean postmortemPageWanted;
  private IncidentEscalation escalation;

  @WorkflowInit
  public IncidentWorkflowImpl(IncidentRun run) {
    this.incident = run.incident();
    this.nextTimelineSeq = run.nextTimelineSeq();
    this.postmortemBackend = run.postmortemBackend();
    this.searchAttributes = run.searchAttributes();
    this.escalation = run.escalation();
    this.slackRequested = run.slackEnabled();
    this.integrations =
        run.integrations() == null ? IncidentIntegrations.NONE : run.integrations();
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
      if (integrations.jiraTicket()
          && Workflow.getVersion(JIRA_TICKET, Workflow.DEFAULT_VERSION, 1) == 1) {
        createJiraTicket();
      }
    }
    int version = Workflow.getVersion(ESCALATION_VERSION, Workflow.DEFAULT_VERSION, 1);
    if (version >= 1 && !run.continued() && incident.serviceId() != null) {
      EscalationTrigger trigger = null;
      try {
        trigger = oncall.escalationFor(incident.serviceId());
      } catch (ActivityFailure failed) {
        log.warn("incident {}: no escalation: {}", incident.id(),
            Catching.orRethrow(CATCH, failed));
      }
      if (trigger != null && incident.status().isBefore(Status.MITIGATED)) {
        startEscalation(trigger.policyId(), trigger.ackTimeoutMinutes());
      }
    }
    while (true) {
      Workflow.await(
          () -> incident.status() == Status.CLOSED || Workflow.getInfo().isContinueAsNewSuggested()
              || postmortemPageWanted || (slack != null && slack.hasWork()));
      if (postmortemPageWanted) {
        postmortemPageWanted = false;
        createPostmortemPage();
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
              escalation, slackRequested ? Boolean.TRUE : null));
    }
    return incident;
  }

  /** Integrations run on their own task queue, retried, and never block the lifecycle. */
  private ActivityOptions integrationOptions() {
    return Retries.integration(integrations.initialInterval(), integrations.maxAttempts());
  }

  private void createJiraTicket() {
    JiraActivities jira = Workflow.newActivityStub(JiraActivities.class, integrationOptions());
    try {
      JiraTicket ticket = jira.createIncidentTicket(incident);
      commit(TimelineKind.INTEGRATION,
          "Jira ticket " + ticket.key() + (ticket.created() ? " created: " : " linked: ")
              + ticket.url(),
          INTEGRATION_AUTHOR, false);
    } catch (ActivityFailure failure) {
      log.warn("incident {}: no Jira ticket: {}", incident.id(), failure.getMessage());
      commit(TimelineKind.INTEGRATION,
          "Jira ticket could not be created: " + IntegrationFailures.reason(failure),
          INTEGRATION_AUTHOR, false);
    }
  }

  private void createPostmortemPage() {
    if (Workflow.getVersion(POSTMORTEM_PAGE, Workflow.DEFAULT_VERSION, 1) != 1) {
      return;
    }
    ConfluenceActivities confluence =
        Workflow.newActivityStub(ConfluenceActivities.class, integrationOptions());
    try {
      PostmortemPage page = confluence.createPostmortemPage(incident);
      commit(TimelineKind.INTEGRATION,
          "Postmortem page " + (page.created() ? "created: " : "linked: ") + page.url(),
          INTEGRATION_AUTHOR, false);
    } catch (ActivityFailure failure) {
      log.warn("incident {}: no postmortem page: {}", incident.id(), failure.getMessage());
      commit(TimelineKind.INTEGRATION,
          "Postmortem page could not be created: " + IntegrationFailures.reason(failure),
          INTEGRATION_AUTHOR, false);
    }
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
    StringBuilder text = new StringBuilder("Status changed from " + from + " to " + to);
    if (change.closureReason() != null) {
      text.append(" (").append(change.closureReason()).append(")");
    }
    if (change.message() != null && !change.message().isBlank()) {
      text.append(": ").append(change.message().trim());
    }
    if (to == Status.POST_MORTEM && integrations.postmortemPage()) {
      postmortemPageWanted = true;
    }
    Incident changed =
        commit(TimelineKind.STATUS_CHANGED, text.toString(), change.author(), true);
    if (to.isAtLeast(Status.MITIGATED)) {
      stopEscalation("the incident is " + to);
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
    return commit(
        TimelineKind.ROLES_CHANGED,
        "Roles: commander " + describe(next.commander()) + ", communication lead "
            + describe(next.communicationLead()),
        change.author(),
        false);
  }

  @Override
  public void validateChangeKeyEvents(ChangeKeyEvents change) {
    refuseIf(IncidentRules.refuseKeyEvents(incident, change, now()));
  }

  @Override
  public Incident changeKeyEvents(ChangeKeyEvents change) {
    incident = incident.withKeyEvents(incident.keyEvents().merge(change.keyEvents()));
    StringBuilder text = new StringBuilder("Key events set:");
    change.keyEvents().inOrder().forEach((name, at) -> {
      if (at != null) {
        text.append(' ').append(name).append('=').append(at);
      }
    });
    return commit(TimelineKind.KEY_EVENTS_CHANGED, text.toString(), change.author(), false);
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
    StringBuilder text = new StringBuilder("Details changed:");
    if (!incident.title().equals(before.title())) {
      text.append(" title \"").append(incident.title()).append('"');
    }
    if (incident.priority() != before.priority()) {
      text.append(" priority ").append(before.priority()).append(" → ").append(incident.priority());
    }
    if (incident.environment() != before.environment()) {
      text.append(" environment ").append(before.environment()).append(" → ")
          .append(incident.environment());
    }
    if (change.description() != null) {
      text.append(" description");
    }
    if (change.category() != null) {
      text.append(" category ").append(describe(incident.category()));
    }
    boolean indexed =
        incident.priority() != before.priority() || incident.environment() != before.environment();
    return commit(TimelineKind.DETAILS_CHANGED, text.toString(), change.author(), indexed);
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
    Incident changed = commit(TimelineKind.ACKNOWLEDGED, "Acknowledged by " + who
        + (escalation != null && escalation.active() ? ": paging stopped" : ""),
        acknowledge.author(), false);
    if (escalation != null && escalation.active()) {
      signalEscalation(escalation.runs(), "acknowledge", who);
      if (escalation.ackTimeoutMinutes() == null) {
        escalation = new IncidentEscalation(escalation.runs(), false, null);
      }
    }
    return changed;
  }

  @Override
  public void validateEscalate(Escalate escalate) {
    if (incident.status().isAtLeast(Status.MITIGATED)) {
      throw new IncidentChangeRefused("the incident is " + incident.status()
          + ": there is nobody left to page");
    }
    if (escalate.policyId() == null && (escalation == null || !escalation.active())) {
      throw new IncidentChangeRefused(
          "no escalation is running for this incident; give a policyId to start one");
    }
  }

  @Override
  public Incident escalate(Escalate escalate) {
    if (escalate.policyId() == null) {
      signalEscalation(escalation.runs(), "escalateNow", null);
      return commit(TimelineKind.ESCALATION, "Escalated: paging the next step now",
          escalate.author(), false);
    }
    stopEscalation("replaced by escalation policy " + escalate.policyId());
    Incident changed = commit(TimelineKind.ESCALATION,
        "Escalated with escalation policy " + escalate.policyId(), escalate.author(), false);
    startEscalation(escalate.policyId(), escalate.ackTimeoutMinutes());
    return changed;
  }

  @Override
  public void noteEscalation(EscalationNote note) {
    for (String message : note.messages()) {
      commit(TimelineKind.ESCALATION, message, "escalation", false);
    }
  }

  /**
   * Starts escalation run {@code n+1} as a child. ABANDON: the escalation outlives a continue-as-new
   * of this workflow (the next run signals it by id); it ends by itself once acknowledged,
   * resolved or exhausted, and is bounded by its policy's repeats.
   */
  private void startEscalation(long policyId, Integer ackTimeoutMinutes) {
    int run = escalation == null ? 1 : escalation.runs() + 1;
    escalation = new IncidentEscalation(run, true, ackTimeoutMinutes);
    EscalationWorkflow child =
        Workflow.newChildWorkflowStub(
            EscalationWorkflow.class,
            ChildWorkflowOptions.newBuilder()
                .setWorkflowId(EscalationWorkflow.workflowId(incident.id(), run))
                .setTaskQueue(TaskQueues.ONCALL)
                .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
                .setWorkflowIdReusePolicy(
                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .build());
    Promise<EscalationState> done = Async.function(child::run,
            new EscalationRun(incident.id(), run, policyId, ackTimeoutMinutes, incident.title(),
                incident.priority().name(), true));
    done.handle((state, failure) -> {
      if (escalation != null && escalation.runs() == run) {
        escalation = new IncidentEscalation(run, false, escalation.ackTimeoutMinutes());
      }
      return null;
    });
    try {
      Workflow.getWorkflowExecution(child).get();
    } catch (RuntimeException e) {
      log.warn("escalation {} of incident {} did not start: {}", run, incident.id(),
          e.getMessage());
      escalation = new IncidentEscalation(run, false, ackTimeoutMinutes);
    }
  }

  private void stopEscalation(String reason) {
    if (escalation != null && escalation.active()) {
      signalEscalation(escalation.runs(), "stop", reason);
      escalation = new IncidentEscalation(escalation.runs(), false, escalation.ackTimeoutMinutes());
    }
  }

  /** Signals escalation run {@code run}; one that has ended already is left alone. */
  private void signalEscalation(int run, String signal, String argument) {
    try {
      Workflow.newUntypedExternalWorkflowStub(EscalationWorkflow.workflowId(incident.id(), run))
          .signal(signal, argument == null ? new Object[0] : new Object[] {argument});
    } catch (RuntimeException e) {
      log.info("escalation {} of incident {} did not take {}: {}", run, incident.id(), signal,
          e.getMessage());
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

  private static String describe(String value) {
    return value == null ? "unassigned" : value;
  }
}
