package dev.firebreak.workflows.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.workflows.TaskQueues;
import dev.firebreak.workflows.escalation.messages.EscalationStep;
import dev.firebreak.workflows.integrations.PagerDutyPageClaims;
import dev.firebreak.workflows.integrations.PagerDutyTriggerWorkflow;
import dev.firebreak.workflows.integrations.messages.PagerDutyTrigger;
import dev.firebreak.workflows.integrations.messages.PagerDutyTriggered;
import dev.firebreak.workflows.escalation.EscalationPolicy.Step;
import dev.firebreak.workflows.escalation.EscalationPolicy.Target;
import dev.firebreak.workflows.escalation.EscalationPolicy.TargetType;
import dev.firebreak.workflows.incident.IncidentStoreActivities;
import dev.firebreak.workflows.incident.IncidentWorkflow;
import dev.firebreak.workflows.incident.IncidentWorkflowImpl;
import dev.firebreak.workflows.incident.messages.Acknowledge;
import dev.firebreak.workflows.incident.messages.ChangeStatus;
import dev.firebreak.workflows.incident.messages.Environment;
import dev.firebreak.workflows.incident.messages.Escalate;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.IncidentRun;
import dev.firebreak.workflows.incident.messages.KeyEvents;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Roles;
import dev.firebreak.workflows.incident.messages.Status;
import dev.firebreak.workflows.incident.messages.TimelineEntry;
import dev.firebreak.workflows.incident.messages.TimelineKind;
import dev.firebreak.workflows.oncall.Layer;
import dev.firebreak.workflows.oncall.OnCall;
import dev.firebreak.workflows.oncall.Rotation;
import dev.firebreak.workflows.oncall.Schedule;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The escalation workflow on Temporal's time-skipping test server, with in-memory on-call data and
 * a recording pager: scenarios ported from GoAlert's smoke tests (escalation delay, repeat,
 * acknowledge stops paging, DST handoff between steps, a user with no contact method) plus the
 * incident workflow starting, acknowledging, resolving and re-escalating it.
 */
class EscalationWorkflowTest {

  static final Instant START = Instant.parse("2026-03-28T20:00:00Z");

  /** Users, teams, schedules and policies in memory; schedules resolved by the real OnCall. */
  static class Directory implements EscalationActivities {
    final Map<Long, Recipient> users = new HashMap<>();
    final Map<Long, List<Long>> teams = new HashMap<>();
    final Map<Long, Schedule> schedules = new HashMap<>();
    final Map<Long, EscalationPolicy> policies = new HashMap<>();
    final Map<Long, EscalationTrigger> services = new HashMap<>();
    /** Resolving these users fails for good, as data the database refuses would. */
    final List<Long> refused = new CopyOnWriteArrayList<>();

    @Override
    public EscalationTrigger escalationFor(long serviceId) {
      return services.get(serviceId);
    }

    @Override
    public EscalationPolicy policy(long policyId) {
      return policies.get(policyId);
    }

    @Override
    public List<Recipient> resolve(List<Target> targets, Instant at) {
      if (targets.stream().anyMatch(t -> refused.contains(t.id()))) {
        throw io.temporal.failure.ApplicationFailure.newNonRetryableFailure(
            "ERROR: value too long", dev.firebreak.workflows.Retries.PERMANENT_DATA_ERROR);
      }
      List<Long> ids = new ArrayList<>();
      for (Target t : targets) {
        List<Long> more = switch (t.type()) {
          case USER -> List.of(t.id());
          case TEAM -> teams.getOrDefault(t.id(), List.of());
          case SCHEDULE -> OnCall.at(schedules.get(t.id()), List.of(), at);
          case PAGERDUTY -> throw new AssertionError("PagerDuty targets are not resolved to users");
        };
        more.stream().filter(id -> !ids.contains(id)).forEach(ids::add);
      }
      return ids.stream().map(users::get).toList();
    }
  }

  /** A page as the fake Slack saw it, with the (test server's) time it arrived. */
  record Page(long minute, int loop, int step, long userId) {}

  static class Pager implements NotificationActivities {
    final List<Page> pages = new CopyOnWriteArrayList<>();
    final AtomicInteger calls = new AtomicInteger();
    final List<String> cancelled = new CopyOnWriteArrayList<>();

    @Override
    public void cancelPlans(long incidentId, String reason) {
      cancelled.add(incidentId + ": " + reason);
    }

    @Override
    public NotificationResult notify(Notification n) {
      calls.incrementAndGet();
      if (n.recipient().slackUserId() == null) {
        return new NotificationResult(false, "none", n.recipient().name()
            + " has no contact method");
      }
      pages.add(new Page(Duration.between(START, n.at()).toMinutes(), n.loop(), n.step(),
          n.recipient().userId()));
      return new NotificationResult(true, "slack", null);
    }
  }

  static class Store implements IncidentStoreActivities {
    final List<TimelineEntry> entries = new CopyOnWriteArrayList<>();
    volatile Incident last;

    @Override
    public void project(Incident incident, List<TimelineEntry> newEntries) {
      last = incident;
      entries.addAll(newEntries);
    }

    List<String> messages(TimelineKind kind) {
      return entries.stream().filter(e -> e.kind() == kind).map(TimelineEntry::message).toList();
    }
  }

  /** PagerDuty as the escalation sees it: one claim per (incident, service), pages recorded. */
  static class PagerDuty implements PagerDutyPageClaims {
    static final List<PagerDutyTrigger> TRIGGERED = new CopyOnWriteArrayList<>();
    final List<String> claims = new CopyOnWriteArrayList<>();
    volatile boolean enabled = true;

    @Override
    public String claimPagerDutyTrigger(PagerDutyTrigger trigger) {
      if (!enabled) {
        return "DISABLED";
      }
      String key = trigger.incidentId() + "/" + trigger.serviceId();
      boolean first = !claims.contains(key);
      claims.add(key);
      return first ? "CLAIMED" : "ALREADY_PAGED";
    }

  }

  /** Stands for the real trigger workflow (tested with the integrations). */
  public static class RecordingTrigger implements PagerDutyTriggerWorkflow {
    @Override
    public PagerDutyTriggered triggerPagerDuty(PagerDutyTrigger trigger) {
      PagerDuty.TRIGGERED.add(trigger);
      return new PagerDutyTriggered("PD1", null, trigger.serviceId());
    }
  }

  PagerDuty pagerDuty = new PagerDuty();
  TestWorkflowEnvironment env;
  WorkflowClient client;
  Directory directory = new Directory();
  Pager pager = new Pager();
  Store store = new Store();

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance(
        TestEnvironmentOptions.newBuilder().setInitialTime(START).build());
    Worker incidents = env.newWorker(TaskQueues.INCIDENTS);
    incidents.registerWorkflowImplementationTypes(IncidentWorkflowImpl.class);
    incidents.registerActivitiesImplementations(store);
    Worker oncall = env.newWorker(TaskQueues.ONCALL);
    oncall.registerWorkflowImplementationTypes(EscalationWorkflowImpl.class);
    oncall.registerActivitiesImplementations(directory, pager);
    Worker integrations = env.newWorker(TaskQueues.INTEGRATIONS);
    integrations.registerWorkflowImplementationTypes(RecordingTrigger.class);
    integrations.registerActivitiesImplementations(pagerDuty);
    PagerDuty.TRIGGERED.clear();
    env.start();
    client = env.getWorkflowClient();
    directory.users.put(1L, new Recipient(1, "Ann", "U0ANN"));
    directory.users.put(2L, new Recipient(2, "Bob", "U0BOB"));
    directory.users.put(3L, new Recipient(3, "Cy", "U0CY"));
    directory.users.put(4L, new Recipient(4, "Nocontact", null));
  }

  @AfterEach
  void stop() {
    env.close();
  }

  static Step step(int delay, Target... targets) {
    return new Step(delay, List.of(targets));
  }

  static Target user(long id) {
    return new Target(TargetType.USER, id);
  }

  EscalationPolicy policy(int repeat, Step... steps) {
    EscalationPolicy p = new EscalationPolicy(7, "Checkout", repeat, List.of(steps));
    directory.policies.put(7L, p);
    return p;
  }

  /** The incident of escalations started by {@link #escalation}. */
  static final long INCIDENT = 99;

  EscalationWorkflow escalation(Integer ackTimeout) {
    EscalationWorkflow w = client.newWorkflowStub(EscalationWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.ONCALL)
            .setWorkflowId(EscalationWorkflow.workflowId(INCIDENT, 1)).build());
    WorkflowClient.start(w::run, new EscalationRun(INCIDENT, 1, 7, ackTimeout, "Checkout down", "P1",
        false));
    return w;
  }

  EscalationState result(EscalationWorkflow w) {
    return WorkflowStub.fromTyped(w).getResult(EscalationState.class);
  }

  @Test
  void aPagerDutyTargetPagesItsServiceOnceWhateverTheRound() {
    policy(1, step(5, new Target(TargetType.PAGERDUTY, 0, "PSVC1"), user(1)), step(5, user(2)));
    EscalationState end = result(escalation(null));

    assertThat(end.phase()).isEqualTo(EscalationWorkflowImpl.EXHAUSTED);
    assertThat(PagerDuty.TRIGGERED).hasSize(1);
    assertThat(PagerDuty.TRIGGERED.get(0).serviceId()).isEqualTo("PSVC1");
    assertThat(PagerDuty.TRIGGERED.get(0).requestedBy()).contains("step 1, round 1");
    assertThat(PagerDuty.TRIGGERED.get(0).escalationStep()).isEqualTo(new EscalationStep(0, 0, 0));
    assertThat(pagerDuty.claims).hasSize(2);
    assertThat(pager.pages).containsExactly(new Page(0, 0, 0, 1), new Page(5, 0, 1, 2),
        new Page(10, 1, 0, 1), new Page(15, 1, 1, 2));
  }

  @Test
  void aStepWhoseLookupFailsForGoodIsSkippedAndEscalationGoesOn() {
    directory.refused.add(1L);
    policy(0, step(5, user(1)), step(5, user(2)));
    EscalationState end = result(escalation(null));
    assertThat(end.phase()).isEqualTo(EscalationPhase.EXHAUSTED);
    assertThat(pager.pages).containsExactly(new Page(5, 0, 1, 2));
  }

  @Test
  void aPagerDutyTargetWithPagerDutyDisabledIsNotedAndEscalationGoesOn() {
    pagerDuty.enabled = false;
    policy(0, step(5, new Target(TargetType.PAGERDUTY, 0, "PSVC1")), step(5, user(2)));
    result(escalation(null));
    assertThat(PagerDuty.TRIGGERED).isEmpty();
    assertThat(pager.pages).containsExactly(new Page(5, 0, 1, 2));
  }

  @Test
  void escalationDelayPagesTheNextStepOnlyAfterTheDelay() {
    policy(0, step(5, user(1)), step(10, user(2)));
    EscalationWorkflow w = escalation(null);
    env.sleep(Duration.ofMinutes(4));
    assertThat(pager.pages).containsExactly(new Page(0, 0, 0, 1));
    EscalationState end = result(w);
    assertThat(pager.pages).containsExactly(new Page(0, 0, 0, 1), new Page(5, 0, 1, 2));
    assertThat(end.phase()).isEqualTo(EscalationWorkflowImpl.EXHAUSTED);
  }

  @Test
  void repeatStartsOverFromTheFirstStepAfterTheLastStepsWait() {
    policy(2, step(5, user(1)), step(10, user(2)));
    result(escalation(null));
    assertThat(pager.pages).containsExactly(
        new Page(0, 0, 0, 1), new Page(5, 0, 1, 2),
        new Page(15, 1, 0, 1), new Page(20, 1, 1, 2),
        new Page(30, 2, 0, 1), new Page(35, 2, 1, 2));
  }

  @Test
  void acknowledgeStopsPagingAtOnce() {
    policy(3, step(5, user(1)), step(10, user(2)));
    EscalationWorkflow w = escalation(null);
    env.sleep(Duration.ofMinutes(7));
    w.acknowledge("Bob");
    EscalationState end = result(w);
    assertThat(end.phase()).isEqualTo(EscalationWorkflowImpl.ACKNOWLEDGED);
    assertThat(end.acknowledgedBy()).isEqualTo("Bob");
    assertThat(pager.pages).containsExactly(new Page(0, 0, 0, 1), new Page(5, 0, 1, 2));
    assertThat(pager.cancelled).as("the notification plans of what was paged stop too")
        .containsExactly(INCIDENT + ": acknowledged by Bob");
  }

  @Test
  void anEscalationExhaustedCancelsNoPlans() {
    policy(0, step(5, user(1)));
    result(escalation(null));
    assertThat(pager.pages).hasSize(1);
    assertThat(pager.cancelled).isEmpty();
  }

  @Test
  void anAckTimeoutEscalatesAgainWhenStillUnresolved() {
    policy(0, step(5, user(1)), step(10, user(2)));
    EscalationWorkflow w = escalation(30);
    env.sleep(Duration.ofMinutes(1));
    w.acknowledge("Ann");
    env.sleep(Duration.ofMinutes(35));
    assertThat(pager.pages).containsExactly(new Page(0, 0, 0, 1), new Page(31, 0, 0, 1));
    w.stop("resolved");
    EscalationState end = result(w);
    assertThat(end.phase()).isEqualTo(EscalationWorkflowImpl.STOPPED);
    assertThat(end.trigger()).isEqualTo(1);
  }

  @Test
  void escalateNowDuringTheAckTimeoutPagesAgainFromTheFirstStep() {
    policy(0, step(5, user(1)), step(10, user(2)));
    EscalationWorkflow w = escalation(60);
    env.sleep(Duration.ofMinutes(1));
    w.acknowledge("Ann");
    env.sleep(Duration.ofMinutes(2));
    w.escalateNow();
    env.sleep(Duration.ofMinutes(1));
    assertThat(pager.pages).containsExactly(new Page(0, 0, 0, 1), new Page(3, 0, 0, 1));
    assertThat(w.state().trigger()).isEqualTo(1);
  }

  @Test
  void escalateNowPagesTheNextStepWithoutWaiting() {
    policy(0, step(30, user(1)), step(30, user(2)), step(30, user(3)));
    EscalationWorkflow w = escalation(null);
    env.sleep(Duration.ofMinutes(2));
    w.escalateNow();
    env.sleep(Duration.ofMinutes(1));
    assertThat(pager.pages).containsExactly(new Page(0, 0, 0, 1), new Page(2, 0, 1, 2));
    result(w);
    assertThat(pager.pages).extracting(Page::minute).containsExactly(0L, 2L, 32L);
  }

  @Test
  void aUserWithNoContactMethodIsSkippedAndEscalationGoesOn() {
    policy(0, step(5, user(4), user(1)), step(5, user(2)));
    result(escalation(null));
    assertThat(pager.calls).hasValue(3);
    assertThat(pager.pages).containsExactly(new Page(0, 0, 0, 1), new Page(5, 0, 1, 2));
  }

  @Test
  void aScheduleTargetIsResolvedWhenTheStepRunsAcrossADaylightSavingHandoff() {
    // daily 09:00 Paris handoff; the spring change of 2026-03-29 makes the handoff 07:00Z
    directory.schedules.put(5L, new Schedule(5, "Primary", "Europe/Paris", List.of(new Layer(
        "daily", LocalDateTime.parse("2026-03-28T09:00"), Rotation.DAILY, List.of(1L, 2L),
        List.of()))));
    // START is 20:00Z on the 28th: Ann until 07:00Z on the 29th (11 h later), then Bob
    policy(0, step(600, new Target(TargetType.SCHEDULE, 5)),
        step(60, new Target(TargetType.SCHEDULE, 5)), step(1, new Target(TargetType.SCHEDULE, 5)));
    result(escalation(null));
    assertThat(pager.pages).containsExactly(
        new Page(0, 0, 0, 1), new Page(600, 0, 1, 1), new Page(660, 0, 2, 2));
  }

  @Test
  void aTeamTargetPagesEveryMemberOnce() {
    directory.teams.put(3L, List.of(1L, 2L));
    policy(0, step(5, new Target(TargetType.TEAM, 3), user(2)));
    result(escalation(null));
    assertThat(pager.pages).containsExactlyInAnyOrder(new Page(0, 0, 0, 1), new Page(0, 0, 0, 2));
  }

  // --- with the incident workflow as parent ---

  IncidentWorkflow incident(long serviceId) {
    Incident draft = new Incident(42, "Checkout down", null, Priority.P1, Environment.PRD, null,
        false, null, START, "test", Status.OPEN, null, Roles.NONE, KeyEvents.NONE, 0, serviceId);
    IncidentWorkflow w = client.newWorkflowStub(IncidentWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.INCIDENTS)
            .setWorkflowId(IncidentWorkflow.workflowId(42)).build());
    WorkflowClient.start(w::run, new IncidentRun(draft, 1, false, false));
    return w;
  }

  EscalationWorkflow child(int run) {
    return client.newWorkflowStub(EscalationWorkflow.class, EscalationWorkflow.workflowId(42, run));
  }

  /**
   * The child's state a minute later, by query: waiting for its result would let the test server
   * skip time up to the (never ending) incident workflow's run timeout.
   */
  EscalationState childState(int run) {
    env.sleep(Duration.ofMinutes(1));
    return child(run).state();
  }

  @Test
  void anIncidentOfAServiceWithAPolicyEscalatesUntilAcknowledged() {
    policy(1, step(5, user(1)), step(10, user(4)));
    directory.services.put(3L, new EscalationTrigger(7, null));
    IncidentWorkflow w = incident(3);
    env.sleep(Duration.ofMinutes(6));
    Incident acked = w.acknowledge(new Acknowledge(2L, "Bob"));
    assertThat(acked.keyEvents().acknowledged())
        .isBetween(START.plus(Duration.ofMinutes(6)), START.plus(Duration.ofMinutes(7)));
    assertThat(childState(1).phase()).isEqualTo(EscalationWorkflowImpl.ACKNOWLEDGED);
    env.sleep(Duration.ofMinutes(60));
    assertThat(pager.pages).containsExactly(new Page(0, 0, 0, 1));
    assertThat(store.messages(TimelineKind.ACKNOWLEDGED)).containsExactly(
        "Acknowledged by Bob: paging stopped");
    assertThat(store.messages(TimelineKind.ESCALATION)).containsExactly(
        "Escalation started with policy \"Checkout\" (2 steps, repeat 1)",
        "Paged Ann via slack (step 1, round 1)",
        "Could not page Nocontact (step 2, round 1): Nocontact has no contact method;"
            + " escalation goes on");
    assertThat(store.last.keyEvents().acknowledged()).isNotNull();
  }

  @Test
  void resolvingTheIncidentStopsTheEscalation() {
    policy(5, step(5, user(1)));
    directory.services.put(3L, new EscalationTrigger(7, 10));
    IncidentWorkflow w = incident(3);
    env.sleep(Duration.ofMinutes(12));
    w.changeStatus(new ChangeStatus(Status.MITIGATED, null, null, "Ann"));
    assertThat(childState(1).phase()).isEqualTo(EscalationWorkflowImpl.STOPPED);
    assertThat(pager.pages).extracting(Page::minute).containsExactly(0L, 5L, 10L);
    assertThatThrownBy(() -> w.escalate(new Escalate(null, null, "Ann")))
        .isInstanceOf(WorkflowUpdateException.class);
  }

  @Test
  void escalatingWithAnotherPolicyReplacesTheRunningEscalation() {
    policy(0, step(30, user(1)), step(30, user(2)));
    directory.policies.put(8L, new EscalationPolicy(8, "Database", 0,
        List.of(step(30, user(3)))));
    directory.services.put(3L, new EscalationTrigger(7, null));
    IncidentWorkflow w = incident(3);
    env.sleep(Duration.ofMinutes(3));
    w.escalate(new Escalate(null, null, "Ann"));
    env.sleep(Duration.ofMinutes(1));
    w.escalate(new Escalate(8L, null, "Ann"));
    assertThat(childState(1).phase()).isEqualTo(EscalationWorkflowImpl.STOPPED);
    env.sleep(Duration.ofMinutes(30));
    assertThat(childState(2).phase()).isEqualTo(EscalationWorkflowImpl.EXHAUSTED);
    assertThat(pager.pages).containsExactly(
        new Page(0, 0, 0, 1), new Page(3, 0, 1, 2), new Page(4, 0, 0, 3));
  }

  @Test
  void anIncidentWithoutServiceOrPolicyDoesNotEscalate() {
    IncidentWorkflow w = incident(9);
    env.sleep(Duration.ofMinutes(1));
    assertThatThrownBy(() -> w.escalate(new Escalate(null, null, "Ann")))
        .isInstanceOf(WorkflowUpdateException.class);
    assertThat(w.acknowledge(new Acknowledge(null, "Ann")).keyEvents().acknowledged())
        .isNotNull();
    assertThat(pager.calls).hasValue(0);
  }
}
