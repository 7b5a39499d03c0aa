package dev.firebreak.workflows.incident;

import dev.firebreak.workflows.incident.messages.ChangeStatus;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Status;
import dev.firebreak.workflows.integrations.messages.IncidentIntegrations;
import io.temporal.client.WorkflowStub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes {@code incident-integrations-v1.json} for {@link IncidentIntegrationsReplayTest}: a P1
 * with a Jira ticket that needed a retry and a postmortem page. Run only to add a history:
 * {@code ./mvnw -pl workflows test -Dtest=IncidentIntegrationsHistoryRecorder
 * -Dfirebreak.record-histories=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "firebreak.record-histories", matches = "true")
class IncidentIntegrationsHistoryRecorder extends IncidentIntegrationsWorkflowTest {

  @Test
  void recordALifecycleWithIntegrations() throws Exception {
    jira.failures = 1;
    IncidentWorkflow workflow = start(IncidentWorkflowTest.newIncident(43, Priority.P1), true,
        new IncidentIntegrations(true, true, 3, Duration.ofSeconds(1)));
    awaitIntegrationEntries(1);
    workflow.changeStatus(new ChangeStatus(Status.MITIGATED, "rolled back", null, "alice"));
    workflow.changeStatus(new ChangeStatus(Status.POST_MORTEM, null, null, "alice"));
    awaitIntegrationEntries(2);
    workflow.changeStatus(new ChangeStatus(Status.CLOSED, null, null, "alice"));
    WorkflowStub.fromTyped(workflow).getResult(Incident.class);
    Files.writeString(Path.of("src/test/resources/histories/incident-integrations-v1.json"),
        client.fetchHistory(IncidentWorkflow.workflowId(43)).toJson(true));
  }
}
