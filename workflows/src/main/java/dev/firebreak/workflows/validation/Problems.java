package dev.firebreak.workflows.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Collects the problems of one input so that it is refused whole, every wrong field named at once
 * (GoAlert's {@code validate.Many}). Pure: validators in this module fill it, the application
 * layer may add what only the database knows (a user that does not exist), then {@link #throwIfAny}.
 */
public final class Problems {

  private final List<FieldError> errors = new ArrayList<>();

  public void require(String field, Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      add(field, "is required");
    }
  }

  public void maxLength(String field, String value, int max) {
    if (value != null && value.length() > max) {
      add(field, "must be at most " + max + " characters");
    }
  }

  public void range(String field, Integer value, int min, int max) {
    if (value != null && (value < min || value > max)) {
      add(field, "must be between " + min + " and " + max);
    }
  }

  /** The constant named by {@code value} (any case), {@code fallback} when absent or wrong. */
  public <E extends Enum<E>> E oneOf(String field, String value, Class<E> type, E fallback) {
    if (value == null) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      add(field, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
      return fallback;
    }
  }

  public void add(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  public int count() {
    return errors.size();
  }

  public boolean ok() {
    return errors.isEmpty();
  }

  public List<FieldError> errors() {
    return List.copyOf(errors);
  }

  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
  }
}
