package dev.firebreak.api.problem;

import dev.firebreak.api.edge.FieldProblem;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A refusal the API answers as RFC 9457 {@code application/problem+json}: the status, a detail
 * sentence and, for bad input, one entry per wrong field.
 */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final List<FieldProblem> errors;

  public ApiException(HttpStatus status, String detail) {
    this(status, detail, List.of());
  }

  public ApiException(HttpStatus status, String detail, List<FieldProblem> errors) {
    super(detail);
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  public static ApiException badRequest(List<FieldProblem> errors) {
    String detail = errors.size() == 1
        ? errors.get(0).field() + ": " + errors.get(0).message()
        : errors.size() + " fields are invalid: "
            + String.join(", ", errors.stream().map(FieldProblem::field).toList());
    return new ApiException(HttpStatus.BAD_REQUEST, detail, errors);
  }

  public static ApiException notFound(String detail) {
    return new ApiException(HttpStatus.NOT_FOUND, detail);
  }

  public static ApiException conflict(String detail) {
    return new ApiException(HttpStatus.CONFLICT, detail);
  }

  public static ApiException unavailable(String detail) {
    return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, detail);
  }

  public HttpStatus status() {
    return status;
  }

  public List<FieldProblem> errors() {
    return errors;
  }
}
