package dev.firebreak.workflows.incident;

import dev.firebreak.workflows.Failures;
import java.util.Optional;

/**
 * Thrown by the incident workflow's update validators when the lifecycle refuses a change. The
 * caller receives it as the cause of a {@code WorkflowUpdateException}: an {@code
 * ApplicationFailure} whose type is this class's name and whose message is the reason.
 *
 * <p>A plain exception rather than an {@code ApplicationFailure}: Temporal Java SDK 1.38 serializes
 * an {@code ApplicationFailure} thrown by a validator twice and loses its type (sdk-java#2875).
 */
public class IncidentChangeRefused extends RuntimeException {

  public IncidentChangeRefused(String reason) {
    super(reason);
  }

  /**
   * The lifecycle's reason when {@code failure} (a {@code WorkflowUpdateException} from the client,
   * say) is a refused change; empty for any other failure.
   */
  public static Optional<String> reasonOf(Throwable failure) {
    return Failures.applicationMessage(failure, IncidentChangeRefused.class.getName());
  }
}
