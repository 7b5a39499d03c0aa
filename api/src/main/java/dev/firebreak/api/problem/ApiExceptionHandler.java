package dev.firebreak.api.problem;

import dev.firebreak.api.edge.FieldProblem;
import dev.firebreak.activities.idempotency.IdempotencyKeyInFlight;
import dev.firebreak.activities.idempotency.IdempotencyKeyReused;
import dev.firebreak.activities.incident.CommandTimedOut;
import dev.firebreak.activities.incident.IncidentEscalations;
import dev.firebreak.activities.incident.IncidentNotFound;
import dev.firebreak.activities.incident.InvalidCommand;
import dev.firebreak.workflows.Failures;
import dev.firebreak.api.edge.EdgeInputException;
import dev.firebreak.workflows.incident.IncidentChangeRefused;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowUpdateException;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as RFC 9457 problem details. Spring's own errors (unknown path, wrong
 * method or media type) come through {@link ResponseEntityExceptionHandler}; ours and Temporal's
 * are mapped here: a lifecycle refusal is 409, an unknown workflow 404, an unreachable Temporal or
 * database 503 so that callers retry.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> api(ApiException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    if (!e.errors().isEmpty()) {
      problem.setProperty("errors", e.errors());
    }
    return respond(problem);
  }

  @ExceptionHandler(IncidentChangeRefused.class)
  ResponseEntity<ProblemDetail> refused(IncidentChangeRefused e) {
    return respond(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage()));
  }

  @ExceptionHandler(IncidentNotFound.class)
  ResponseEntity<ProblemDetail> incidentNotFound(IncidentNotFound e) {
    return respond(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()));
  }

  @ExceptionHandler(InvalidCommand.class)
  ResponseEntity<ProblemDetail> invalid(InvalidCommand e) {
    return api(ApiException.badRequest(
        java.util.List.of(new FieldProblem(e.field(), e.getMessage()))));
  }

  /** A slow or unreachable Temporal: the deadline passed; retry, with the same key. */
  @ExceptionHandler(CommandTimedOut.class)
  ResponseEntity<ProblemDetail> late(CommandTimedOut e) {
    log.warn("incident command timed out: {}", e.getMessage());
    return unavailable(e.getMessage());
  }

  @ExceptionHandler(IdempotencyKeyReused.class)
  ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReused e) {
    return respond(ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
        e.getMessage()));
  }

  @ExceptionHandler(IdempotencyKeyInFlight.class)
  ResponseEntity<ProblemDetail> keyInFlight(IdempotencyKeyInFlight e) {
    return respond(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage()));
  }

  @ExceptionHandler(IncidentEscalations.PagerDutyFailed.class)
  ResponseEntity<ProblemDetail> pagerDuty(IncidentEscalations.PagerDutyFailed e) {
    return respond(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, e.getMessage()));
  }

  @ExceptionHandler(WorkflowUpdateException.class)
  ResponseEntity<ProblemDetail> update(WorkflowUpdateException e) {
    Optional<String> refused = IncidentChangeRefused.reasonOf(e);
    if (refused.isPresent()) {
      return respond(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, refused.get()));
    }
    log.error("update failed", e);
    return respond(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        "the change failed: " + rootMessage(e)));
  }

  @ExceptionHandler(WorkflowNotFoundException.class)
  ResponseEntity<ProblemDetail> workflowNotFound(WorkflowNotFoundException e) {
    return respond(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
        "no running workflow " + e.getExecution().getWorkflowId()));
  }

  @ExceptionHandler(WorkflowServiceException.class)
  ResponseEntity<ProblemDetail> temporal(WorkflowServiceException e) {
    Optional<StatusRuntimeException> grpc = Failures.find(e, StatusRuntimeException.class);
    if (grpc.isPresent() && grpc.get().getStatus().getCode() == Status.Code.NOT_FOUND) {
      return respond(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
          grpc.get().getStatus().getDescription()));
    }
    log.warn("Temporal call failed: {}", rootMessage(e));
    return unavailable("Temporal is unavailable, nothing was changed; retry later");
  }

  @ExceptionHandler(StatusRuntimeException.class)
  ResponseEntity<ProblemDetail> grpc(StatusRuntimeException e) {
    log.warn("Temporal call failed: {}", e.getStatus());
    return unavailable("Temporal is unavailable, nothing was changed; retry later");
  }

  /** Includes Spring's CannotGetJdbcConnectionException, a DataAccessResourceFailureException. */
  @ExceptionHandler({
    DataAccessResourceFailureException.class,
    TransientDataAccessException.class
  })
  ResponseEntity<ProblemDetail> database(Exception e) {
    log.warn("database unavailable: {}", rootMessage(e));
    return unavailable("the database is unavailable, nothing was changed; retry later");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        e.getName() + ": '" + e.getValue() + "' is not a valid value");
    problem.setProperty("errors",
        java.util.List.of(new FieldProblem(e.getName(), "not a valid value")));
    return respond(problem);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    EdgeInputException edge = EdgeInputException.in(e);
    if (edge != null) {
      ResponseEntity<ProblemDetail> refused = edge(edge);
      return new ResponseEntity<>(refused.getBody(), refused.getHeaders(), edge.status());
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "the request body is not valid JSON for this endpoint: " + rootMessage(e));
    problem.setTitle("Malformed request body");
    return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  /** Bad text, a non-finite number or an oversized body, found while the body was read. */
  @ExceptionHandler(EdgeInputException.class)
  ResponseEntity<ProblemDetail> edge(EdgeInputException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.status()),
        e.getMessage());
    problem.setProperty("errors", java.util.List.of(e.problem()));
    return respond(problem);
  }

  /** A multipart request the container cannot parse (no boundary, say): the sender's fault. */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ProblemDetail> multipart(MultipartException e) {
    return respond(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "the multipart request could not be parsed: " + rootMessage(e)));
  }

  private static ResponseEntity<ProblemDetail> unavailable(String detail) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "5")
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail));
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    problem.setType(URI.create("about:blank"));
    return ResponseEntity.status(problem.getStatus())
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static String rootMessage(Throwable e) {
    return Failures.rootMessage(e);
  }
}
