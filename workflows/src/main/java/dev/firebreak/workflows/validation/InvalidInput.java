package dev.firebreak.workflows.validation;

import java.util.List;

/**
 * An input refused whole, with every wrong field: the edge answers it as a {@code 400} with an
 * {@code errors} list, whatever door (REST, Slack) it came through.
 */
public class InvalidInput extends RuntimeException {

  private final List<FieldError> errors;

  public InvalidInput(List<FieldError> errors) {
    super(summary(errors));
    this.errors = List.copyOf(errors);
  }

  public static InvalidInput of(String field, String message) {
    return new InvalidInput(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  private static String summary(List<FieldError> errors) {
    return errors.size() == 1
        ? errors.get(0).field() + ": " + errors.get(0).message()
        : errors.size() + " fields are invalid: "
            + String.join(", ", errors.stream().map(FieldError::field).toList());
  }
}
