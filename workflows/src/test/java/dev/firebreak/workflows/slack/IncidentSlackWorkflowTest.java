package dev.firebreak.workflows.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.workflows.TaskQueues;
import dev.firebreak.workflows.incident.IncidentSearchAttributes;
import dev.firebreak.workflows.incident.IncidentStoreActivities;
import dev.firebreak.workflows.incident.IncidentWorkflow;
import dev.firebreak.workflows.incident.IncidentWorkflowImpl;
import dev.firebreak.workflows.incident.messages.ChangeDetails;
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
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributeKey;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Slack side of the incident workflow and the invite workflow on Temporal's time-skipping test
 * server, with recording fakes for the store, Slack and the invite providers.
 */
class IncidentSlackWorkflowTest {

  static class Store implements IncidentStoreActivities {
    final List<TimelineEntry> entries = new CopyOnWriteArrayList<>();

    @Override
    public void project(Incident incident, List<TimelineEntry> newEntries) {
      entries.addAll(newEntries);
    }

    List<String> messages() {
      return entries.stream().map(TimelineEntry::message).toList();
    }
  }

  static class Slack implements SlackIncidentActivities {
    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile boolean channelFails;

    @Override
    public IncidentChannel openChannel(Incident incident) {
      calls.add("openChannel " + incident.id() + " " + incident.priority());
      if (channelFails) {
        throw ApplicationFailure.newNonRetryableFailure("conversations.create failed: restricted_action",
            "SlackCallFailed:restricted_action");
      }
      return new IncidentChannel("C" + incident.id(), "inc-" + incident.id(), false);
    }

    @Override
    public int announce(Incident incident, IncidentChannel channel) {
      calls.add("announce " + incident.id() + " " + channel.channelId());
      return 1;
    }

    @Override
    public void post(String channelId, String text, String key) {
      calls.add("post " + channelId + " " + key + " " + text);
    }
  }

  static class Invites implements InviteActivities {
    final List<String> invited = new CopyOnWriteArrayList<>();
    volatile boolean inviteRefused;

    @Override
    public List<String> providers() {
      return List.of("broken", "category", "public-p1");
    }

    @Override
    public List<String> responders(String provider, InviteRequest request) {
      return switch (provider) {
        case "broken" -> throw ApplicationFailure.newNonRetryableFailure("no_such_subteam",
            "SlackCallFailed:no_such_subteam");
        case "category" -> List.of("U3", "U1");
        default -> request.priority() == Priority.P1 ? List.of("U1", "U2") : List.of();
      };
    }

    @Override
    public List<String> invite(String channelId, List<String> userIds) {
      if (inviteRefused) {
        throw ApplicationFailure.newNonRetryableFailure("channel_not_found",
            "SlackCallFailed:channel_not_found");
      }
      invited.add(channelId + ":" + String.join(",", userIds));
      return userIds;
    }
  }

  TestWorkflowEnvironment env;
  WorkflowClient client;
  Store store;
  Slack slack;
  Invites invites;

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    for (SearchAttributeKey<?> key : IncidentSearchAttributes.ALL) {
      env.registerSearchAttribute(key.getName(), key.getValueType());
    }
    Worker worker = env.newWorker(TaskQueues.INCIDENTS);
    worker.registerWorkflowImplementationTypes(IncidentWorkflowImpl.class, InviteWorkflowImpl.class);
    store = new Store();
    slack = new Slack();
    invites = new Invites();
    worker.registerActivitiesImplementations(store, slack, invites);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  static Incident incident(long id, Priority priority) {
    Instant created = Instant.parse("2026-11-22T10:00:00Z");
    return new Incident(id, "Checkout is down", null, priority, Environment.PRD, "payments",
        false, null, created, "alice", Status.OPEN, null, Roles.NONE,
        KeyEvents.NONE.withDeclaredIfUnset(created), 0, null);
  }

  IncidentWorkflow start(Incident incident, Boolean slackEnabled) {
    IncidentWorkflow workflow = client.newWorkflowStub(IncidentWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(IncidentWorkflow.workflowId(incident.id()))
            .setTaskQueue(TaskQueues.INCIDENTS)
            .build());
    WorkflowClient.start(workflow::run, new IncidentRun(incident, 1, false, false, null, null, slackEnabled));
    return workflow;
  }

  void finish(IncidentWorkflow workflow) {
    workflow.changeStatus(new ChangeStatus(Status.CLOSED, null, ClosureReason.CANCELLED, "bob"));
    WorkflowStub.fromTyped(workflow).getResult(Incident.class);
  }

  @Test
  void aP1GetsAChannelAnAnnouncementAndEachResponderInvitedOnce() {
    IncidentWorkflow workflow = start(incident(1, Priority.P1), true);
    workflow.changeStatus(new ChangeStatus(Status.INVESTIGATING, "on it", null, "alice"));
    finish(workflow);

    assertThat(slack.calls).startsWith("openChannel 1 P1", "announce 1 C1");
    assertThat(slack.calls).anyMatch(c -> c.startsWith("post C1 incident-1-timeline-2 Status"
        + " changed from OPEN to INVESTIGATING: on it (by alice)"));
    assertThat(slack.calls).anyMatch(c -> c.contains("to CLOSED (CANCELLED)"));
    assertThat(invites.invited).containsExactly("C1:U3,U1,U2");
    assertThat(store.messages()).anyMatch(m -> m.equals(
        "Slack: invite provider broken failed: no_such_subteam"));
    assertThat(client.newUntypedWorkflowStub(InviteWorkflow.workflowId(1)).getResult(
        InviteResult.class).failures()).extracting(InviteResult.ProviderFailure::provider)
        .containsExactly("broken");
  }

  @Test
  void aP4GetsNoChannelUntilItBecomesAP3OrWorse() {
    IncidentWorkflow workflow = start(incident(2, Priority.P4), true);
    workflow.changeStatus(new ChangeStatus(Status.INVESTIGATING, null, null, "alice"));
    assertThat(slack.calls).isEmpty();
    workflow.changeDetails(new ChangeDetails(null, null, Priority.P2, null, null, "alice"));
    workflow.changeStatus(new ChangeStatus(Status.MITIGATED, null, null, "alice"));
    finish(workflow);

    assertThat(slack.calls.get(0)).isEqualTo("openChannel 2 P2");
    assertThat(slack.calls).anyMatch(c -> c.contains("from INVESTIGATING to MITIGATED"));
    assertThat(invites.invited).containsExactly("C2:U3,U1");
  }

  @Test
  void withoutSlackNothingIsAskedOfSlack() {
    IncidentWorkflow workflow = start(incident(3, Priority.P1), null);
    workflow.changeStatus(new ChangeStatus(Status.INVESTIGATING, null, null, "alice"));
    finish(workflow);
    assertThat(slack.calls).isEmpty();
    assertThat(invites.invited).isEmpty();
  }

  @Test
  void aChannelThatCannotBeCreatedIsNotedAndTheIncidentGoesOn() {
    slack.channelFails = true;
    IncidentWorkflow workflow = start(incident(4, Priority.P2), true);
    Incident changed =
        workflow.changeStatus(new ChangeStatus(Status.INVESTIGATING, null, null, "alice"));
    assertThat(changed.status()).isEqualTo(Status.INVESTIGATING);
    finish(workflow);
    assertThat(slack.calls).containsExactly("openChannel 4 P2");
    List<String> notes = new ArrayList<>(store.messages());
    assertThat(notes).anyMatch(m -> m.startsWith("Slack: the incident channel could not be created")
        && m.contains("restricted_action"));
  }

  @Test
  void anInvitationRefusedForGoodIsAFailureInTheResultNotAFailedWorkflow() {
    invites.inviteRefused = true;
    IncidentWorkflow workflow = start(incident(5, Priority.P1), true);
    workflow.changeStatus(new ChangeStatus(Status.INVESTIGATING, "on it", null, "alice"));
    finish(workflow);
    InviteResult result = client.newUntypedWorkflowStub(InviteWorkflow.workflowId(5))
        .getResult(InviteResult.class);
    assertThat(result.invited()).isEmpty();
    assertThat(result.failures()).extracting(InviteResult.ProviderFailure::provider)
        .containsExactly("broken", "invite");
    assertThat(store.messages()).anyMatch(m -> m.startsWith("Slack: invite provider invite failed")
        && m.contains("channel_not_found"));
  }
}
