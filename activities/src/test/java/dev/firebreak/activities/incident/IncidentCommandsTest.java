package dev.firebreak.activities.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.activities.TestDatabase;
import dev.firebreak.activities.directory.ServiceStore;
import dev.firebreak.activities.directory.User;
import dev.firebreak.activities.directory.UserStore;
import dev.firebreak.activities.store.IncidentStore;
import dev.firebreak.workflows.TaskQueues;
import dev.firebreak.workflows.incident.IncidentChangeRefused;
import dev.firebreak.workflows.incident.IncidentWorkflow;
import dev.firebreak.workflows.incident.messages.Acknowledge;
import dev.firebreak.workflows.incident.messages.Actor;
import dev.firebreak.workflows.incident.messages.AddUpdate;
import dev.firebreak.workflows.incident.messages.ChangeStatus;
import dev.firebreak.workflows.incident.messages.Environment;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.IncidentRun;
import dev.firebreak.workflows.incident.messages.KeyEvents;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Roles;
import dev.firebreak.workflows.incident.messages.Status;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The command gateway against Temporal's test server (a workflow that records what it applies)
 * and a real PostgreSQL: typed updates with their ids, the actor carried, the one CLOSED check,
 * refusals, unknown incidents and users, and the deadline.
 */
class IncidentCommandsTest {

  static DataSource dataSource;
  static TestWorkflowEnvironment temporal;

  IncidentStore store;
  UserStore users;
  CommandDeadline deadline = new CommandDeadline(Duration.ofSeconds(2));
  IncidentCommands commands;

  @BeforeAll
  static void start() {
    dataSource = TestDatabase.migrated();
    temporal = TestWorkflowEnvironment.newInstance();
    temporal.newWorker(TaskQueues.INCIDENTS)
        .registerWorkflowImplementationTypes(RecordingIncidentWorkflow.class);
    temporal.start();
  }

  @AfterAll
  static void stop() {
    temporal.close();
  }

  @BeforeEach
  void gateway() {
    JdbcClient jdbc = JdbcClient.create(dataSource);
    jdbc.sql("TRUNCATE incident CASCADE").update();
    store = new IncidentStore(jdbc);
    users = new UserStore(jdbc);
    // opening is IncidentOpener's (tested end to end); these tests change existing incidents
    commands = new IncidentCommands(temporal.getWorkflowClient(), store, users,
        new ServiceStore(jdbc), null, deadline);
    RecordingIncidentWorkflow.APPLIED.clear();
  }

  @AfterEach
  void stopWaiting() {
    deadline.destroy();
  }

  /** An incident row with its workflow running on {@code taskQueue}. */
  long incident(Status status, String taskQueue) {
    long id = store.nextId();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    Incident incident = new Incident(id, "Checkout down " + id, null, Priority.P2,
        Environment.PRD, null, false, null, now, "test", status, null, Roles.NONE,
        KeyEvents.NONE.withDeclaredIfUnset(now), 0, null);
    store.insert(incident);
    IncidentWorkflow workflow = temporal.getWorkflowClient().newWorkflowStub(
        IncidentWorkflow.class, WorkflowOptions.newBuilder()
            .setWorkflowId(IncidentWorkflow.workflowId(id)).setTaskQueue(taskQueue).build());
    WorkflowClient.start(workflow::run, new IncidentRun(incident, 2, false, false, null, null,
        null));
    return id;
  }

  @Test
  void aCommandCarriesItsActorAndOneIdIsAppliedOnce() {
    long id = incident(Status.OPEN, TaskQueues.INCIDENTS);
    Actor alice = Actor.of("Alice", Actor.Channel.SLACK);
    CommandId once = CommandId.of("slack-view-" + UUID.randomUUID());

    Incident first = commands.changeStatus(id,
        new ChangeStatus(Status.INVESTIGATING, "on it", null, "ignored"), alice, once);
    Incident again = commands.changeStatus(id,
        new ChangeStatus(Status.INVESTIGATING, "on it", null, "ignored"), alice, once);

    assertThat(first.status()).isEqualTo(Status.INVESTIGATING);
    assertThat(again).isEqualTo(first);
    assertThat(RecordingIncidentWorkflow.APPLIED).containsExactly(
        new ChangeStatus(Status.INVESTIGATING, "on it", null, "Alice", alice));
  }

  @Test
  void aUserIdIsNamedFromTheDirectoryAndAnUnknownOneRefused() {
    long id = incident(Status.OPEN, TaskQueues.INCIDENTS);
    User ann = users.create("Ann " + UUID.randomUUID(), UUID.randomUUID() + "@example.com", null,
        "UTC");

    commands.acknowledge(id, new Actor(ann.id(), null, Actor.Channel.SMS), CommandId.of("sms-1"));

    Actor named = new Actor(ann.id(), ann.name(), Actor.Channel.SMS);
    assertThat(RecordingIncidentWorkflow.APPLIED)
        .containsExactly(new Acknowledge(ann.id(), ann.name(), named));
    assertThat(((Acknowledge) RecordingIncidentWorkflow.APPLIED.get(0)).who())
        .isEqualTo(ann.name() + " via SMS");
    assertThatThrownBy(() -> commands.acknowledge(id,
        new Actor(999_999L, null, Actor.Channel.SMS), CommandId.of("sms-2")))
        .isInstanceOf(InvalidCommand.class)
        .hasMessage("no user 999999")
        .extracting(e -> ((InvalidCommand) e).field()).isEqualTo("userId");
  }

  @Test
  void theLifecycleRefusesAndAClosedOrUnknownIncidentIsNeverAsked() {
    long open = incident(Status.OPEN, TaskQueues.INCIDENTS);
    Actor bob = Actor.of("Bob", Actor.Channel.API);
    assertThatThrownBy(() -> commands.changeStatus(open,
        new ChangeStatus(Status.OPEN, null, null, null), bob, CommandId.fresh("status")))
        .isInstanceOf(IncidentChangeRefused.class)
        .hasMessage("an incident cannot go back to OPEN");

    long closed = incident(Status.CLOSED, TaskQueues.INCIDENTS);
    assertThatThrownBy(() -> commands.addUpdate(closed, new AddUpdate("late", null), bob,
        CommandId.fresh("update")))
        .isInstanceOf(IncidentChangeRefused.class)
        .hasMessage("incident " + closed + " is CLOSED");
    assertThatThrownBy(() -> commands.addUpdate(987_654, new AddUpdate("x", null), bob,
        CommandId.fresh("update")))
        .isInstanceOf(IncidentNotFound.class);
    assertThat(RecordingIncidentWorkflow.APPLIED).isEmpty();
  }

  @Test
  void anUpdateNoWorkerTakesEndsAtTheDeadline() {
    long id = incident(Status.OPEN, "nobody-polls-this-queue");
    long started = System.nanoTime();

    assertThatThrownBy(() -> commands.addUpdate(id, new AddUpdate("hello?", null),
        Actor.of("Bob", Actor.Channel.API), CommandId.fresh("update")))
        .isInstanceOf(CommandTimedOut.class)
        .hasMessageContaining("within 2 s");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(RecordingIncidentWorkflow.APPLIED).isEmpty();
  }
}
