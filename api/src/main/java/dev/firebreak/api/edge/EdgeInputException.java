package dev.firebreak.api.edge;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;

/**
 * A request body refused while it was read: bad text, a non-finite number or a value of the wrong
 * type at {@code field} (status 400), or a body over the size limit (status 413). It travels
 * inside the exceptions of whoever was reading (Jackson, Spring), and the problem handler finds it
 * there.
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
    if (e == null) {
      return null;
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof EdgeInputException edge) {
        return edge;
      }
      if (t instanceof BodyLimit.TooLarge tooLarge) {
        return tooLarge.asEdge();
      }
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof StreamReadException && !(root instanceof InputCoercionException)) {
      return null; // not JSON at all: the handler says so
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JacksonException json && !json.getPath().isEmpty()) {
        return new EdgeInputException(400, new FieldProblem(path(json.getPath()),
            "is not a valid value: " + firstLine(json.getOriginalMessage())));
      }
    }
    return null;
  }

  /** A field a record could not be read into, named as our other field problems are. */
  private static String path(List<JacksonException.Reference> references) {
    StringBuilder out = new StringBuilder();
    for (JacksonException.Reference r : references) {
      if (r.getPropertyName() != null) {
        out.append(out.isEmpty() ? "" : ".").append(r.getPropertyName());
      } else if (r.getIndex() >= 0) {
        out.append('[').append(r.getIndex()).append(']');
      }
    }
    return out.isEmpty() ? "body" : out.toString();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "wrong type";
    }
    int newline = message.indexOf('\n');
    return newline > 0 ? message.substring(0, newline) : message;
  }
}
