package dev.firebreak.api.edge;

import dev.firebreak.api.problem.ApiException.FieldProblem;

/**
 * A request body refused while it was read: bad text or a non-finite number at {@code field}
 * (status 400), or a body over the size limit (status 413). It travels inside the exceptions of
 * whoever was reading (Jackson, Spring), and the problem handler finds it there.
 */
public class EdgeInputException extends RuntimeException {

  private final int status;
  private final transient FieldProblem problem;

  public EdgeInputException(int status, FieldProblem problem) {
    super(problem.field() + ": " + problem.message(), null, false, false);
    this.status = status;
    this.problem = problem;
  }

  public int status() {
    return status;
  }

  public FieldProblem problem() {
    return problem;
  }

  /** The edge refusal somewhere in {@code e}'s causes, or null. */
  public static EdgeInputException in(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof EdgeInputException edge) {
        return edge;
      }
      if (t instanceof BodyLimit.TooLarge tooLarge) {
        return tooLarge.asEdge();
      }
    }
    return null;
  }
}
