package dev.firebreak.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.workflows.incident.IncidentChangeRefused;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.failure.ApplicationFailure;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class FailuresTest {

  @Test
  void theRootIsTheInnermostCauseAndItsMessageTheFirstLine() {
    Exception chain = new RuntimeException("outer",
        new IllegalStateException("middle", new IllegalArgumentException("what went wrong\nat x")));
    assertThat(Failures.root(chain)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Failures.rootMessage(chain)).isEqualTo("what went wrong");
    assertThat(Failures.rootMessage(new RuntimeException(new NullPointerException())))
        .isEqualTo("NullPointerException");
  }

  @Test
  void anApplicationFailureIsReadByItsTypeAndOriginalMessage() {
    Exception chain = new ExecutionException(ApplicationFailure.newFailure("the incident is CLOSED",
        IncidentChangeRefused.class.getName()));
    assertThat(Failures.applicationMessage(chain, IncidentChangeRefused.class.getName()))
        .contains("the incident is CLOSED");
    assertThat(IncidentChangeRefused.reasonOf(chain)).contains("the incident is CLOSED");
    assertThat(Failures.applicationMessage(chain, "Other")).isEmpty();
    assertThat(Failures.rootMessage(chain)).isEqualTo("the incident is CLOSED");
  }

  @Test
  void theGrpcCodeIsFoundAnywhereInTheChain() {
    Exception chain = new RuntimeException(new StatusRuntimeException(Status.UNIMPLEMENTED));
    assertThat(Failures.grpcCode(chain)).contains(Status.Code.UNIMPLEMENTED);
    assertThat(Failures.grpcCode(new RuntimeException("no grpc"))).isEmpty();
  }

  @Test
  void aChainThatLoopsIsWalkedOnce() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    assertThat(Failures.find(a, IllegalStateException.class)).isEmpty();
    assertThat(Failures.rootMessage(a)).isNotBlank();
  }
}
