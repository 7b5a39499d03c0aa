package dev.firebreak.workflows.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.workflows.TaskQueues;
import dev.firebreak.workflows.incident.IncidentWorkflowTest.RecordingStore;
import dev.firebreak.workflows.incident.messages.ChangeStatus;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.IncidentRun;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Status;
import dev.firebreak.workflows.incident.messages.TimelineEntry;
import dev.firebreak.workflows.incident.messages.TimelineKind;
import dev.firebreak.workflows.integrations.ConfluenceActivities;
import dev.firebreak.workflows.integrations.JiraActivities;
import dev.firebreak.workflows.integrations.messages.IncidentIntegrations;
import dev.firebreak.workflows.integrations.messages.JiraTicket;
import dev.firebreak.workflows.integrations.messages.PostmortemPage;
import dev.firebreak.workflows.integrations.messages.SyncReport;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The incident workflow's integration side effects on the time-skipping test server, with fakes
 * for the activities: one Jira ticket at declaration, one postmortem page on POST_MORTEM, and a
 * failing integration noted on the timeline while the incident moves on.
 */
class IncidentIntegrationsWorkflowTest {

  /** A Jira that fails {@code failures} times (retryably), then answers a ticket. */
  static class FakeJira implements JiraActivities {
    final AtomicInteger calls = new AtomicInteger();
    volatile int failures;
    volatile boolean downForGood;

    @Override
    public JiraTicket createIncidentTicket(Incident incident) {
      int call = calls.incrementAndGet();
      if (downForGood || call <= failures) {
        throw ApplicationFailure.newFailure("Jira answered 503: down", "JiraUnavailable");
      }
      return new JiraTicket("INC-" + incident.id(), "https://jira.example/browse/INC-"
          + incident.id(), true);
    }
  }

  static class FakeConfluence implements ConfluenceActivities {
    final List<Incident> pages = new CopyOnWriteArrayList<>();

    @Override
    public PostmortemPage createPostmortemPage(Incident incident) {
      pages.add(incident);
      return new PostmortemPage("9" + incident.id(), "Postmortem #" + incident.id(),
          "https://wiki.example/pages/9" + incident.id(), true);
    }

    @Override
    public SyncReport exportOnCallPage() {
      throw new UnsupportedOperationException();
    }
  }

  TestWorkflowEnvironment env;
  RecordingStore store;
  FakeJira jira;
  FakeConfluence confluence;
  WorkflowClient client;

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    Worker incidents = env.newWorker(TaskQueues.INCIDENTS);
    incidents.registerWorkflowImplementationTypes(IncidentWorkflowImpl.class);
    store = new RecordingStore();
    incidents.registerActivitiesImplementations(store);
    Worker integrations = env.newWorker(TaskQueues.INTEGRATIONS);
    jira = new FakeJira();
    confluence = new FakeConfluence();
    integrations.registerActivitiesImplementations(jira, confluence);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  IncidentWorkflow start(Incident incident, boolean postmortemBackend, IncidentIntegrations with) {
    IncidentWorkflow workflow = client.newWorkflowStub(IncidentWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(IncidentWorkflow.workflowId(incident.id()))
            .setTaskQueue(TaskQueues.INCIDENTS)
            .build());
    WorkflowClient.start(workflow::run,
        new IncidentRun(incident, 1, postmortemBackend, false, with));
    return workflow;
  }

  static IncidentIntegrations jiraOnly(int attempts) {
    return new IncidentIntegrations(true, false, attempts, Duration.ofSeconds(1));
  }

  List<TimelineEntry> integrationEntries() {
    return store.entries.stream().filter(e -> e.kind() == TimelineKind.INTEGRATION).toList();
  }

  void awaitIntegrationEntries(int count) {
    long deadline = System.currentTimeMillis() + 10_000;
    while (integrationEntries().size() < count && System.currentTimeMillis() < deadline) {
      env.sleep(Duration.ofSeconds(1));
    }
    assertThat(integrationEntries()).hasSizeGreaterThanOrEqualTo(count);
  }

  @Test
  void aDeclaredIncidentGetsOneJiraTicketEvenAfterRetries() {
    jira.failures = 2;
    IncidentWorkflow workflow = start(IncidentWorkflowTest.newIncident(11, Priority.P2), false,
        jiraOnly(5));

    awaitIntegrationEntries(1);

    assertThat(jira.calls.get()).isEqualTo(3);
    assertThat(integrationEntries()).singleElement().satisfies(e -> {
      assertThat(e.message()).isEqualTo(
          "Jira ticket INC-11 created: https://jira.example/browse/INC-11");
      assertThat(e.author()).isEqualTo("Firebreak");
    });
    workflow.changeStatus(new ChangeStatus(Status.CLOSED, "dup", 
        dev.firebreak.workflows.incident.messages.ClosureReason.DUPLICATE, null));
    WorkflowStub.fromTyped(workflow).getResult(Incident.class);
    assertThat(jira.calls.get()).isEqualTo(3);
  }

  @Test
  void jiraDownForGoodIsNotedOnTheTimelineAndTheIncidentMovesOn() {
    jira.downForGood = true;
    IncidentWorkflow workflow = start(IncidentWorkflowTest.newIncident(12, Priority.P1), false,
        jiraOnly(3));

    // the lifecycle does not wait for Jira
    assertThat(workflow.changeStatus(new ChangeStatus(Status.MITIGATING, null, null, "alice"))
        .status()).isEqualTo(Status.MITIGATING);
    awaitIntegrationEntries(1);

    assertThat(jira.calls.get()).isEqualTo(3);
    assertThat(integrationEntries()).singleElement().satisfies(e -> assertThat(e.message())
        .startsWith("Jira ticket could not be created: ").contains("Jira answered 503"));
    workflow.changeStatus(new ChangeStatus(Status.MITIGATED, null, null, "alice"));
    Incident closed = workflow.changeStatus(new ChangeStatus(Status.CLOSED, null, null, "alice"));
    assertThat(closed.status()).isEqualTo(Status.CLOSED);
    assertThat(WorkflowStub.fromTyped(workflow).getResult(Incident.class).status())
        .isEqualTo(Status.CLOSED);
  }

  @Test
  void enteringPostMortemWritesOnePostmortemPage() {
    IncidentWorkflow workflow = start(IncidentWorkflowTest.newIncident(13, Priority.P1), true,
        new IncidentIntegrations(false, true, 3, Duration.ofSeconds(1)));
    workflow.changeStatus(new ChangeStatus(Status.MITIGATED, null, null, "alice"));
    assertThat(confluence.pages).isEmpty();
    workflow.changeStatus(new ChangeStatus(Status.POST_MORTEM, null, null, "alice"));
    awaitIntegrationEntries(1);
    workflow.changeStatus(new ChangeStatus(Status.CLOSED, null, null, "alice"));
    WorkflowStub.fromTyped(workflow).getResult(Incident.class);

    assertThat(confluence.pages).singleElement()
        .satisfies(i -> assertThat(i.status()).isEqualTo(Status.POST_MORTEM));
    assertThat(integrationEntries()).singleElement().satisfies(e -> assertThat(e.message())
        .isEqualTo("Postmortem page created: https://wiki.example/pages/913"));
    assertThat(jira.calls.get()).isZero();
  }

  @Test
  void aPostmortemPageIsWrittenEvenWhenTheIncidentClosesRightAway() {
    IncidentWorkflow workflow = start(IncidentWorkflowTest.newIncident(14, Priority.P2), true,
        new IncidentIntegrations(false, true, 3, Duration.ofSeconds(1)));
    workflow.changeStatus(new ChangeStatus(Status.POST_MORTEM, null, null, "alice"));
    workflow.changeStatus(new ChangeStatus(Status.CLOSED, null, null, "alice"));
    WorkflowStub.fromTyped(workflow).getResult(Incident.class);
    assertThat(confluence.pages).hasSize(1);
  }

  @Test
  void withIntegrationsOffNothingIsCalled() {
    IncidentWorkflow workflow = start(IncidentWorkflowTest.newIncident(15, Priority.P1), false,
        IncidentIntegrations.NONE);
    workflow.changeStatus(new ChangeStatus(Status.POST_MORTEM, null, null, "alice"));
    workflow.changeStatus(new ChangeStatus(Status.CLOSED, null, null, "alice"));
    WorkflowStub.fromTyped(workflow).getResult(Incident.class);
    assertThat(jira.calls.get()).isZero();
    assertThat(confluence.pages).isEmpty();
    assertThat(integrationEntries()).isEmpty();
  }
}
