package dev.firebreak.api.refusal;

import dev.firebreak.workflows.validation.Conflict;
import dev.firebreak.workflows.validation.InvalidInput;
import dev.firebreak.workflows.validation.NotFound;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers the application layer's refusals as RFC 9457 problems, in the same shape as {@code
 * ApiException}: bad input is a {@code 400} with one {@code errors} entry per field, a missing
 * thing {@code 404}, a clash {@code 409}. Controllers therefore only translate, never re-check.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RefusalHandler {

  @ExceptionHandler(InvalidInput.class)
  ResponseEntity<ProblemDetail> invalid(InvalidInput e) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setProperty("errors", e.errors());
    return respond(problem);
  }

  @ExceptionHandler(NotFound.class)
  ResponseEntity<ProblemDetail> notFound(NotFound e) {
    return respond(problem(HttpStatus.NOT_FOUND, e.getMessage()));
  }

  @ExceptionHandler(Conflict.class)
  ResponseEntity<ProblemDetail> conflict(Conflict e) {
    return respond(problem(HttpStatus.CONFLICT, e.getMessage()));
  }

  private static ProblemDetail problem(HttpStatus status, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("about:blank"));
    return problem;
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
