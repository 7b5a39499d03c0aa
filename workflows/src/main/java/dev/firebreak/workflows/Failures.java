package dev.firebreak.workflows;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The one reading of a failure chain. Temporal wraps what went wrong several layers deep (a
 * {@code WorkflowUpdateException} around an {@code ApplicationFailure}, a {@code
 * WorkflowServiceException} around a gRPC status); every caller that needs the reason asks here
 * instead of walking {@code getCause()} itself. Chains that loop are walked once.
 */
public final class Failures {

  private static final int MAX_DEPTH = 64;

  private Failures() {}

  /** The first exception of {@code type} in the chain, {@code failure} itself included. */
  public static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
    return first(failure, type::isInstance).map(type::cast);
  }

  /** The first exception in the chain that {@code test} accepts. */
  public static Optional<Throwable> first(Throwable failure, Predicate<Throwable> test) {
    Throwable t = failure;
    for (int depth = 0; t != null && depth < MAX_DEPTH; depth++) {
      if (test.test(t)) {
        return Optional.of(t);
      }
      if (t.getCause() == t) {
        break;
      }
      t = t.getCause();
    }
    return Optional.empty();
  }

  /** The innermost cause: usually the one that says what went wrong. */
  public static Throwable root(Throwable failure) {
    Throwable t = failure;
    for (int depth = 0; depth < MAX_DEPTH; depth++) {
      Throwable cause = t.getCause();
      if (cause == null || cause == t) {
        break;
      }
      t = cause;
    }
    return t;
  }

  /** The root cause's message, first line only (Temporal appends stack traces), or its class. */
  public static String rootMessage(Throwable failure) {
    Throwable root = root(failure);
    String message = root instanceof TemporalFailure temporal
        ? temporal.getOriginalMessage() : root.getMessage();
    if (message == null || message.isBlank()) {
      return root.getClass().getSimpleName();
    }
    int newline = message.indexOf('\n');
    return newline > 0 ? message.substring(0, newline) : message;
  }

  /** The message of the first {@code ApplicationFailure} of {@code type} in the chain. */
  public static Optional<String> applicationMessage(Throwable failure, String type) {
    return first(failure,
            t -> t instanceof ApplicationFailure application && type.equals(application.getType()))
        .map(t -> ((ApplicationFailure) t).getOriginalMessage());
  }

  /** The gRPC status code of the first gRPC failure in the chain (Temporal's service calls). */
  public static Optional<Status.Code> grpcCode(Throwable failure) {
    return find(failure, StatusRuntimeException.class).map(e -> e.getStatus().getCode());
  }
}
