package dev.firebreak.workflows.validation;

/**
 * A valid input that clashes with what exists (a taken name, a feature switched off): the edge
 * answers {@code 409}.
 */
public class Conflict extends RuntimeException {

  public Conflict(String detail) {
    super(detail);
  }
}
