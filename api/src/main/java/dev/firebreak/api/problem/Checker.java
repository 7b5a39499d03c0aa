package dev.firebreak.api.problem;

import dev.firebreak.api.edge.FieldProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Collects the problems of one request body, then refuses it whole with {@link #done()}: a {@code
 * 400} problem naming every wrong field.
 */
public final class Checker {

  private final List<FieldProblem> problems = new ArrayList<>();

  public void require(String field, Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      problems.add(new FieldProblem(field, "is required"));
    }
  }

  public void maxLength(String field, String value, int max) {
    if (value != null && value.length() > max) {
      problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
    }
  }

  public void notBlankIfGiven(String field, String value) {
    if (value != null && value.isBlank()) {
      problems.add(new FieldProblem(field, "must not be blank"));
    }
  }

  public void range(String field, Integer value, int min, int max) {
    if (value != null && (value < min || value > max)) {
      problems.add(new FieldProblem(field, "must be between " + min + " and " + max));
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
      problems.add(new FieldProblem(field,
          "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants())));
      return fallback;
    }
  }

  public void problem(String field, String message) {
    problems.add(new FieldProblem(field, message));
  }

  /** How many problems were found so far. */
  public int count() {
    return problems.size();
  }

  public boolean ok() {
    return problems.isEmpty();
  }

  public void done() {
    if (!problems.isEmpty()) {
      throw ApiException.badRequest(problems);
    }
  }
}
