package dev.firebreak.api.problem;

import dev.firebreak.api.edge.FieldProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.activities.idempotency.IdempotencyKeyInFlight;
import dev.firebreak.activities.idempotency.IdempotencyKeyReused;
import dev.firebreak.activities.incident.CommandTimedOut;
import dev.firebreak.activities.incident.IncidentNotFound;
import dev.firebreak.activities.incident.InvalidCommand;
import dev.firebreak.workflows.incident.IncidentChangeRefused;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** How the command gateway's refusals are answered: problem+json with the right status. */
class ApiExceptionHandlerTest {

  ApiExceptionHandler handler = new ApiExceptionHandler();

  static void assertProblem(ResponseEntity<ProblemDetail> response, int status, String detail) {
    assertThat(response.getStatusCode().value()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody().getStatus()).isEqualTo(status);
    assertThat(response.getBody().getDetail()).contains(detail);
  }

  @Test
  void anUpdateDeadlineIs503WithRetryAfter() {
    ResponseEntity<ProblemDetail> late =
        handler.late(new CommandTimedOut("ChangeStatus of incident 7", Duration.ofSeconds(10)));
    assertProblem(late, 503, "no answer from Temporal within 10 s");
    assertThat(late.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
  }

  @Test
  void refusalsAreConflictsAndUnknownsNotFound() {
    assertProblem(handler.refused(new IncidentChangeRefused("incident 7 is CLOSED")), 409,
        "incident 7 is CLOSED");
    assertProblem(handler.incidentNotFound(new IncidentNotFound(7)), 404, "no incident 7");
    assertProblem(handler.keyInFlight(new IdempotencyKeyInFlight("k")), 409, "still being");
  }

  @Test
  void aReusedKeyIs422AndAnUnknownReference400WithItsField() {
    assertProblem(handler.keyReused(new IdempotencyKeyReused("k")), 422, "different request");
    ResponseEntity<ProblemDetail> invalid =
        handler.invalid(new InvalidCommand("policyId", "no escalation policy 9"));
    assertProblem(invalid, 400, "policyId: no escalation policy 9");
    assertThat(invalid.getBody().getProperties().get("errors"))
        .isEqualTo(List.of(new FieldProblem("policyId", "no escalation policy 9")));
  }
}
