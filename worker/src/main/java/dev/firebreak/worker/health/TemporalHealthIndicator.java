package dev.firebreak.worker.health;

import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.client.WorkflowClient;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Temporal, as the readiness probe sees it: the frontend answers for our namespace within two
 * seconds. A replica that cannot reach Temporal can neither accept an event (it would answer 503)
 * nor run a workflow, so it should get no traffic; it is still alive, and restarting it would not
 * bring Temporal back, so the liveness probe leaves this out (application.yaml).
 */
@Component
public class TemporalHealthIndicator extends AbstractHealthIndicator {

  static final long DEADLINE_MILLIS = 2_000;

  private final WorkflowClient client;

  public TemporalHealthIndicator(WorkflowClient client) {
    super("Temporal is unreachable");
    this.client = client;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    String namespace = client.getOptions().getNamespace();
    client.getWorkflowServiceStubs().blockingStub()
        .withDeadlineAfter(DEADLINE_MILLIS, TimeUnit.MILLISECONDS)
        .describeNamespace(DescribeNamespaceRequest.newBuilder().setNamespace(namespace).build());
    builder.up().withDetail("namespace", namespace);
  }
}
