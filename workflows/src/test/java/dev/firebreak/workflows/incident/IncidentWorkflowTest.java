package dev.firebreak.workflows.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import dev.firebreak.workflows.TaskQueues;
import dev.firebreak.workflows.incident.messages.AddUpdate;
import dev.firebreak.workflows.incident.messages.ChangeDetails;
import dev.firebreak.workflows.incident.messages.ChangeKeyEvents;
import dev.firebreak.workflows.incident.messages.ChangeRoles;
import dev.firebreak.workflows.incident.messages.ChangeStatus;
import dev.firebreak.workflows.incident.messages.ClosureReason;
import dev.firebreak.workflows.incident.messages.Environment;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.IncidentRun;
import dev.firebreak.workflows.incident.messages.KeyEvents;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Roles;
import dev.firebreak.workflows.incident.messages.Status;
import dev.firebreak.workflows.incident.messages.TimelineEntry;
import dev.firebreak.workflows.incident.messages.TimelineKind;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.common.SearchAttributeKey;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The incident workflow on Temporal's time-skipping test server, with a recording store. */
class IncidentWorkflowTest {

  /** Records every projection, as the PostgreSQL store would receive them. */
  static class RecordingStore implements IncidentStoreActivities {
    final List<Incident> incidents = new CopyOnWriteArrayList<>();
    final List<TimelineEntry> entries = new CopyOnWriteArrayList<>();

    @Override
    public void project(Incident incident, List<TimelineEntry> newEntries) {
      if (newEntries.stream().anyMatch(e -> e.message().contains("\u0000"))) {
        throw ApplicationFailure.newNonRetryableFailure(
            "ERROR: invalid byte sequence for encoding \"UTF8\": 0x00",
            dev.firebreak.workflows.Retries.PERMANENT_DATA_ERROR);
      }
      incidents.add(incident);
      entries.addAll(newEntries);
    }

    /** The newest version projected: projections may run concurrently and land out of order. */
    Incident last() {
      return incidents.stream().max(java.util.Comparator.comparingLong(Incident::version))
          .orElseThrow();
    }

    /** The timeline as the store orders it, by sequence number. */
    List<TimelineEntry> timeline() {
      return entries.stream().sorted(java.util.Comparator.comparingInt(TimelineEntry::seq))
          .toList();
    }
  }

  TestWorkflowEnvironment env;
  RecordingStore store;
  WorkflowClient client;

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    for (SearchAttributeKey<?> key : IncidentSearchAttributes.ALL) {
      env.registerSearchAttribute(key.getName(), key.getValueType());
    }
    Worker worker = env.newWorker(TaskQueues.INCIDENTS);
    worker.registerWorkflowImplementationTypes(IncidentWorkflowImpl.class);
    store = new RecordingStore();
    worker.registerActivitiesImplementations(store);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  static Incident newIncident(long id, Priority priority) {
    Instant created = Instant.parse("2026-11-22T10:00:00Z");
    return new Incident(id, "Checkout is down", "500s on /pay", priority, Environment.PRD,
        "payments", false, null, created, "alice", Status.OPEN, null, Roles.NONE,
        KeyEvents.NONE.withDeclaredIfUnset(created), 0, null);
  }

  IncidentWorkflow start(Incident incident, boolean postmortemBackend) {
    IncidentWorkflow workflow =
        client.newWorkflowStub(
            IncidentWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(IncidentWorkflow.workflowId(incident.id()))
                .setTaskQueue(TaskQueues.INCIDENTS)
                .setTypedSearchAttributes(IncidentSearchAttributes.of(incident))
                .build());
    WorkflowClient.start(workflow::run, new IncidentRun(incident, 1, postmortemBackend, true));
    return workflow;
  }

  static String refusalOf(Runnable update) {
    try {
      update.run();
    } catch (WorkflowUpdateException e) {
      assertThat(e.getCause()).isInstanceOf(ApplicationFailure.class);
      ApplicationFailure failure = (ApplicationFailure) e.getCause();
      assertThat(failure.getType()).isEqualTo(IncidentWorkflowImpl.REFUSED);
      return failure.getOriginalMessage();
    }
    throw new AssertionError("the update was accepted");
  }

  @Test
  void declaringProjectsTheIncidentWithItsFirstTimelineEntry() {
    IncidentWorkflow workflow = start(newIncident(1, Priority.P2), false);
    Incident incident = workflow.addUpdate(new AddUpdate("Looking at the load balancer", "bob"));

    assertThat(incident.status()).isEqualTo(Status.OPEN);
    assertThat(incident.version()).isEqualTo(2);
    assertThat(store.timeline()).extracting(TimelineEntry::seq, TimelineEntry::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, TimelineKind.DECLARED),
            org.assertj.core.groups.Tuple.tuple(2, TimelineKind.UPDATE));
    assertThat(store.timeline().get(0).message()).contains("P2", "Checkout is down");
    assertThat(store.timeline().get(1).author()).isEqualTo("bob");
    assertThat(store.last().version()).isEqualTo(2);
  }

  @Test
  void aFullLifecycleEndsTheWorkflowWithKeyEventsSet() {
    IncidentWorkflow workflow = start(newIncident(2, Priority.P3), false);
    workflow.changeStatus(new ChangeStatus(Status.INVESTIGATING, "on it", null, "alice"));
    workflow.changeStatus(new ChangeStatus(Status.MITIGATING, null, null, "alice"));
    Incident mitigated =
        workflow.changeStatus(new ChangeStatus(Status.MITIGATED, "rolled back", null, "alice"));
    assertThat(mitigated.keyEvents().mitigated()).isNotNull();
    workflow.changeStatus(new ChangeStatus(Status.POST_MORTEM, null, null, "alice"));
    Incident closed = workflow.changeStatus(new ChangeStatus(Status.CLOSED, null, null, "alice"));

    assertThat(closed.status()).isEqualTo(Status.CLOSED);
    assertThat(closed.keyEvents().resolved()).isNotNull();
    Incident result = WorkflowStub.fromTyped(workflow).getResult(Incident.class);
    assertThat(result.status()).isEqualTo(Status.CLOSED);
    assertThat(store.last().status()).isEqualTo(Status.CLOSED);
    assertThat(store.entries).hasSize(6);
  }

  @Test
  void aRefusedChangeIsAnsweredWithTheReasonAndChangesNothing() {
    IncidentWorkflow workflow = start(newIncident(3, Priority.P3), false);
    workflow.changeStatus(new ChangeStatus(Status.MITIGATED, null, null, null));
    int projections = store.incidents.size();

    assertThat(refusalOf(() -> workflow.changeStatus(
            new ChangeStatus(Status.INVESTIGATING, "nope", null, null))))
        .contains("at least 10 characters");
    assertThat(workflow.incident().status()).isEqualTo(Status.MITIGATED);
    assertThat(store.incidents).hasSize(projections);

    Incident back = workflow.changeStatus(
        new ChangeStatus(Status.INVESTIGATING, "errors are back after the rollback", null, null));
    assertThat(back.status()).isEqualTo(Status.INVESTIGATING);
    assertThat(store.timeline().get(store.timeline().size() - 1).message())
        .isEqualTo("Status changed from MITIGATED to INVESTIGATING: errors are back after the"
            + " rollback");
  }

  @Test
  void closingEarlyNeedsAClosureReason() {
    IncidentWorkflow workflow = start(newIncident(4, Priority.P4), false);
    assertThat(refusalOf(() -> workflow.changeStatus(
            new ChangeStatus(Status.CLOSED, null, null, null))))
        .contains("needs a closureReason");
    Incident closed = workflow.changeStatus(
        new ChangeStatus(Status.CLOSED, "same as #3", ClosureReason.DUPLICATE, null));
    assertThat(closed.closureReason()).isEqualTo(ClosureReason.DUPLICATE);
    assertThat(WorkflowStub.fromTyped(workflow).getResult(Incident.class).status())
        .isEqualTo(Status.CLOSED);
  }

  @Test
  void withAPostmortemBackendAP1MustPassThroughPostMortem() {
    IncidentWorkflow workflow = start(newIncident(5, Priority.P1), true);
    workflow.changeStatus(new ChangeStatus(Status.MITIGATED, null, null, null));
    assertThat(refusalOf(() -> workflow.changeStatus(
            new ChangeStatus(Status.CLOSED, null, null, null))))
        .contains("must pass through POST_MORTEM");
    workflow.changeStatus(new ChangeStatus(Status.POST_MORTEM, null, null, null));
    assertThat(workflow.changeStatus(new ChangeStatus(Status.CLOSED, null, null, null)).status())
        .isEqualTo(Status.CLOSED);
  }

  @Test
  void rolesKeyEventsAndDetailsAreKeptAndRecorded() {
    IncidentWorkflow workflow = start(newIncident(6, Priority.P3), false);
    Incident withRoles = workflow.changeRoles(new ChangeRoles("alice", "bob", "carol"));
    assertThat(withRoles.roles()).isEqualTo(new Roles("alice", "bob"));
    Incident commanderOnly = workflow.changeRoles(new ChangeRoles("dave", null, "carol"));
    assertThat(commanderOnly.roles()).isEqualTo(new Roles("dave", "bob"));
    Incident unassigned = workflow.changeRoles(new ChangeRoles(null, "", "carol"));
    assertThat(unassigned.roles()).isEqualTo(new Roles("dave", null));

    Instant detected = Instant.parse("2026-11-22T09:55:00Z");
    Incident withEvents = workflow.changeKeyEvents(
        new ChangeKeyEvents(new KeyEvents(detected.minusSeconds(60), detected, null, null, null,
            null), "carol"));
    assertThat(withEvents.keyEvents().detected()).isEqualTo(detected);
    assertThat(withEvents.keyEvents().declared()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
    assertThat(refusalOf(() -> workflow.changeKeyEvents(new ChangeKeyEvents(
            new KeyEvents(null, Instant.parse("2026-11-22T10:30:00Z"), null, null, null, null),
            null))))
        .isEqualTo("declared cannot be before detected");

    Incident raised = workflow.changeDetails(
        new ChangeDetails(null, null, Priority.P1, null, null, "carol"));
    assertThat(raised.priority()).isEqualTo(Priority.P1);
    assertThat(store.timeline()).extracting(TimelineEntry::kind)
        .containsExactly(TimelineKind.DECLARED, TimelineKind.ROLES_CHANGED,
            TimelineKind.ROLES_CHANGED, TimelineKind.ROLES_CHANGED,
            TimelineKind.KEY_EVENTS_CHANGED, TimelineKind.DETAILS_CHANGED);
    assertThat(store.timeline().get(5).message()).contains("priority P3 → P1");
  }

  @Test
  void searchAttributesFollowTheStatusAndPriority() {
    IncidentWorkflow workflow = start(newIncident(8, Priority.P3), false);
    workflow.changeStatus(new ChangeStatus(Status.MITIGATING, null, null, null));
    workflow.changeDetails(new ChangeDetails(null, null, Priority.P1, null, null, null));

    var attributes = client.newUntypedWorkflowStub(IncidentWorkflow.workflowId(8))
        .describe().getTypedSearchAttributes();
    assertThat(attributes.get(IncidentSearchAttributes.STATUS)).isEqualTo("MITIGATING");
    assertThat(attributes.get(IncidentSearchAttributes.PRIORITY)).isEqualTo("P1");
    assertThat(attributes.get(IncidentSearchAttributes.INCIDENT_ID)).isEqualTo(8L);
    assertThat(attributes.get(IncidentSearchAttributes.ENVIRONMENT)).isEqualTo("PRD");
  }

  @Test
  void anEmptyUpdateIsRefused() {
    IncidentWorkflow workflow = start(newIncident(9, Priority.P5), false);
    assertThat(refusalOf(() -> workflow.addUpdate(new AddUpdate("  ", null))))
        .isEqualTo("message is required");
    assertThatThrownBy(() -> workflow.changeDetails(
            new ChangeDetails("", null, null, null, null, null)))
        .isInstanceOf(WorkflowUpdateException.class);
  }

  @Test
  void aTimelineEntryTheStoreRefusesForGoodLeavesTheIncidentRunning() {
    IncidentWorkflow workflow = start(newIncident(9, Priority.P3), false);
    Incident updated = workflow.addUpdate(new AddUpdate("NUL \u0000 here", "bob"));
    assertThat(updated.version()).isEqualTo(2); // the change holds in Temporal
    Incident next = workflow.addUpdate(new AddUpdate("Rolled back", "bob"));
    assertThat(next.version()).isEqualTo(3);
    assertThat(store.last().version()).isEqualTo(3); // the next write carries the whole incident
    assertThat(store.timeline()).extracting(TimelineEntry::seq).containsExactly(1, 3);
    workflow.changeStatus(new ChangeStatus(Status.CLOSED, null, ClosureReason.FALSE_POSITIVE,
        "alice"));
    assertThat(WorkflowStub.fromTyped(workflow).getResult(Incident.class).status())
        .isEqualTo(Status.CLOSED);
  }
}
