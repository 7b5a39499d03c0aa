package dev.firebreak.api.slack.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.api.slack.SosCalls;
import dev.firebreak.workflows.TaskQueues;
import dev.firebreak.workflows.incident.messages.AddUpdate;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Status;
import dev.firebreak.workflows.slack.SosWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SosSubcommandTest {

  /** The SOS workflow, recording whom it was asked to call. */
  public static class RecordingSos implements SosWorkflow {
    static final List<SosRequest> calls = new CopyOnWriteArrayList<>();

    @Override
    public int call(SosRequest request) {
      calls.add(request);
      return request.targets().size();
    }
  }

  final SlackStores stores = new SlackStores();
  final RecordingIncidents incidents = stores.incidents();
  final TestWorkflowEnvironment temporal = TestWorkflowEnvironment.newInstance();

  @BeforeEach
  void worker() {
    RecordingSos.calls.clear();
    temporal.newWorker(TaskQueues.INCIDENTS).registerWorkflowImplementationTypes(RecordingSos.class);
    temporal.start();
  }

  @AfterEach
  void close() {
    temporal.close();
  }

  BoltHarness app(List<String> targets) {
    BoltHarness bolt = new BoltHarness(targets);
    return bolt.with(new IncidentCommand(bolt.settings, List.of(new SosSubcommand(bolt.settings,
        stores.interactions, new SosCalls(temporal.getWorkflowClient()), incidents, stores.authors))));
  }

  int result(String key) {
    WorkflowClient client = temporal.getWorkflowClient();
    return client.newUntypedWorkflowStub(key).getResult(Integer.class);
  }

  @Test
  void callsTheRespondersOnceDespiteSlacksRetryAndNotesItOnTheChannelsIncident()
      throws Exception {
    Incident checkout = incidents.add(42, "Checkout down", Priority.P1, Status.INVESTIGATING);
    stores.channel(checkout, "C_INC42");
    stores.users.create("Alice Example", "alice@x.test", "U9", "UTC");
    try (BoltHarness bolt = app(List.of("S_SOS", "C_SOS"))) {
      for (int i = 0; i < 2; i++) {
        assertThat(BoltHarness.json(bolt.command("/incident", "sos db is on fire", "C_INC42",
            "trigger-7")).get("text").asText())
            .isEqualTo(":sos: Calling 2 SOS responders for help.");
      }
    }
    assertThat(result("sos-trigger-7")).isEqualTo(2);
    assertThat(RecordingSos.calls).containsExactly(new SosWorkflow.SosRequest("C_INC42", 42L,
        List.of("S_SOS", "C_SOS"), "db is on fire", "Alice Example", "sos-trigger-7"));
    assertThat(incidents.applied).containsExactly(new RecordingIncidents.Applied(42, "addUpdate",
        "sos-trigger-7", new AddUpdate("SOS sent to S_SOS, C_SOS: db is on fire",
            "Alice Example")));
  }

  @Test
  void outsideAnIncidentItOnlyCalls() throws Exception {
    try (BoltHarness bolt = app(List.of("S_SOS"))) {
      assertThat(BoltHarness.json(bolt.command("/incident", "sos", "C_GENERAL", "trigger-8"))
          .get("text").asText()).isEqualTo(":sos: Calling 1 SOS responder for help.");
    }
    assertThat(result("sos-trigger-8")).isEqualTo(1);
    assertThat(RecordingSos.calls).singleElement().satisfies(call -> {
      assertThat(call.incidentId()).isNull();
      assertThat(call.author()).isEqualTo("alice");
      assertThat(call.message()).isEmpty();
    });
    assertThat(incidents.applied).isEmpty();
  }

  @Test
  void withoutRespondersItSaysSoAndCallsNobody() throws Exception {
    try (BoltHarness bolt = app(List.of())) {
      assertThat(BoltHarness.json(bolt.command("sos", "C_GENERAL")).get("text").asText())
          .isEqualTo(":warning: No SOS responders are configured (SLACK_SOS_TARGETS).");
    }
    assertThat(RecordingSos.calls).isEmpty();
  }
}
