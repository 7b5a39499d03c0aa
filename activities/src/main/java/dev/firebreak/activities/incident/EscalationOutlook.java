package dev.firebreak.activities.incident;

import dev.firebreak.activities.oncall.EscalationActivitiesImpl;
import dev.firebreak.workflows.escalation.EscalationPhase;
import dev.firebreak.workflows.escalation.EscalationPolicy;
import dev.firebreak.workflows.escalation.EscalationRun;
import dev.firebreak.workflows.escalation.EscalationState;
import dev.firebreak.workflows.escalation.EscalationWorkflow;
import dev.firebreak.workflows.escalation.Recipient;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.converter.DataConverter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * "What happens next" for an incident: where its latest escalation is (from the running workflow,
 * Temporal being the truth of what is still to do) and the pages still to come, with who is due
 * and when. Who is due comes from the same lookup the escalation pages with, at the instant the
 * step is due, so that a schedule's handoff between now and then is taken into account.
 *
 * <p>Due times count each step's delay from the escalation's start: they are exact for an
 * escalation that ran its course, and estimates (marked so) once someone escalated it early or it
 * was triggered again after an acknowledgement timed out.
 */
@Service
public class EscalationOutlook {

  /** Enough upcoming pages for a screen; a policy repeated many times is cut here. */
  static final int MAX_PENDING = 20;
  /** Runs looked for: an incident escalated more often than this shows its latest known. */
  static final int MAX_RUNS = 50;

  /** A page still to come: {@code step} and {@code round} from 1. */
  public record PendingPage(int step, int round, Instant due, List<String> people,
      List<String> pagerdutyServices) {}

  /**
   * The latest escalation of an incident; {@code phase} is {@code NONE} when it never escalated.
   * {@code step} and {@code round} (from 1) are the step paged last.
   */
  public record Outlook(long incidentId, String workflowId, String phase, Long policyId,
      String policyName, Instant startedAt, Integer step, Integer round, String acknowledgedBy,
      boolean estimated, List<PendingPage> next) {

    static Outlook none(long incidentId) {
      return new Outlook(incidentId, null, "NONE", null, null, null, null, null, null, false,
          List.of());
    }
  }

  private final WorkflowClient client;
  private final IncidentQueries incidents;
  private final EscalationActivitiesImpl escalation;

  public EscalationOutlook(WorkflowClient client, IncidentQueries incidents,
      EscalationActivitiesImpl escalation) {
    this.client = client;
    this.incidents = incidents;
    this.escalation = escalation;
  }

  public Outlook of(long incidentId) {
    incidents.get(incidentId); // 404 for an unknown incident
    WorkflowExecutionHistory latest = null;
    String workflowId = null;
    for (int run = 1; run <= MAX_RUNS; run++) {
      String id = EscalationWorkflow.workflowId(incidentId, run);
      Optional<WorkflowExecutionHistory> history = history(id);
      if (history.isEmpty()) {
        break;
      }
      latest = history.get();
      workflowId = id;
    }
    if (latest == null) {
      return Outlook.none(incidentId);
    }
    List<HistoryEvent> events = latest.getEvents();
    HistoryEvent started = events.get(0);
    Instant startedAt = instant(started);
    DataConverter data = client.getOptions().getDataConverter();
    EscalationRun run = data.fromPayloads(0,
        Optional.of(started.getWorkflowExecutionStartedEventAttributes().getInput()),
        EscalationRun.class, EscalationRun.class);
    EscalationState state = state(workflowId, events.get(events.size() - 1), data);
    EscalationPolicy policy = escalation.policy(run.policyId());
    String phase = state == null ? "ENDED" : state.phase().name();
    if (state == null || policy == null) {
      return new Outlook(incidentId, workflowId, phase, run.policyId(),
          policy == null ? null : policy.name(), startedAt, null, null, null, false, List.of());
    }
    boolean paging = state.phase() == EscalationPhase.PAGING
        || state.phase() == EscalationPhase.STARTING;
    return new Outlook(incidentId, workflowId, phase, policy.id(), policy.name(), startedAt,
        state.step() < 0 ? null : state.step() + 1, state.loop() < 0 ? null : state.loop() + 1,
        state.acknowledgedBy(), paging && state.trigger() > 0,
        paging ? pending(policy, state, startedAt) : List.of());
  }

  /** The pages after the one sent last, each due when the delays before it have passed. */
  private List<PendingPage> pending(EscalationPolicy policy, EscalationState state,
      Instant startedAt) {
    List<PendingPage> pages = new ArrayList<>();
    Instant due = startedAt;
    for (int l = 0; l <= policy.repeat() && pages.size() < MAX_PENDING; l++) {
      for (int s = 0; s < policy.steps().size() && pages.size() < MAX_PENDING; s++) {
        EscalationPolicy.Step step = policy.steps().get(s);
        boolean sent = l < state.loop() || (l == state.loop() && s <= state.step());
        if (!sent) {
          pages.add(new PendingPage(s + 1, l + 1, due,
              escalation.resolve(step.targets(), due).stream().map(Recipient::name).toList(),
              step.targets().stream()
                  .filter(t -> t.type() == EscalationPolicy.TargetType.PAGERDUTY)
                  .map(EscalationPolicy.Target::pagerdutyServiceId).toList()));
        }
        due = due.plus(Duration.ofMinutes(step.delayMinutes()));
      }
    }
    return pages;
  }

  /** The state of a running escalation (a query), of a completed one (its result), else null. */
  private EscalationState state(String workflowId, HistoryEvent last, DataConverter data) {
    if (last.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED) {
      return data.fromPayloads(0,
          Optional.of(last.getWorkflowExecutionCompletedEventAttributes().getResult()),
          EscalationState.class, EscalationState.class);
    }
    if (isClosed(last.getEventType())) {
      return null;
    }
    return client.newWorkflowStub(EscalationWorkflow.class, workflowId).state();
  }

  private static boolean isClosed(EventType type) {
    return switch (type) {
      case EVENT_TYPE_WORKFLOW_EXECUTION_FAILED, EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT,
          EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED, EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED,
          EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW -> true;
      default -> false;
    };
  }

  private Optional<WorkflowExecutionHistory> history(String workflowId) {
    try {
      return Optional.of(client.fetchHistory(workflowId));
    } catch (io.grpc.StatusRuntimeException e) {
      if (e.getStatus().getCode() == io.grpc.Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static Instant instant(HistoryEvent event) {
    return Instant.ofEpochSecond(event.getEventTime().getSeconds(), event.getEventTime().getNanos());
  }
}
