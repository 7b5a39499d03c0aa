package dev.firebreak.workflows.validation;

/** A command or lookup named something that does not exist: the edge answers {@code 404}. */
public class NotFound extends RuntimeException {

  public NotFound(String detail) {
    super(detail);
  }
}
