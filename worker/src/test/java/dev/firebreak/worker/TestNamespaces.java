package dev.firebreak.worker;

import com.google.protobuf.util.Durations;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.RegisterNamespaceRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;

/**
 * A Temporal namespace of a test class's own on the shared dev server, so that the workers of
 * other cached application contexts (with another database) never take its tasks.
 */
final class TestNamespaces {

  private TestNamespaces() {}

  /** Registers {@code namespace} once and points the next application context at the server. */
  static void use(String namespace) {
    String address = TemporalDevServer.shared().address();
    System.setProperty("TEMPORAL_ADDRESS", address);
    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
    try {
      stubs.blockingStub().registerNamespace(RegisterNamespaceRequest.newBuilder()
          .setNamespace(namespace).setWorkflowExecutionRetentionPeriod(Durations.fromHours(24))
          .build());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
        throw e;
      }
    } finally {
      stubs.shutdown();
    }
  }
}
