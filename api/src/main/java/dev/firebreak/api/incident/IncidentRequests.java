package dev.firebreak.api.incident;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.firebreak.api.problem.ApiException;
import dev.firebreak.api.problem.ApiException.FieldProblem;
import dev.firebreak.workflows.incident.IncidentRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The JSON bodies the incident endpoints take. Enumerations arrive as text and are checked here, so
 * that a wrong value is answered with the field and the values it may take.
 */
public final class IncidentRequests {

  private IncidentRequests() {}

  public record Create(
      String title,
      String description,
      String priority,
      String environment,
      String category,
      @JsonProperty("private") Boolean privateIncident,
      String dedupKey,
      String createdBy) {}

  public record ChangeStatus(String status, String message, String closureReason, String author) {}

  public record AddUpdate(String message, String author) {}

  public record ChangeRoles(String commander, String communicationLead, String author) {}

  public record ChangeKeyEvents(
      Instant started,
      Instant detected,
      Instant declared,
      Instant mitigated,
      Instant recovered,
      Instant resolved,
      String author) {}

  public record ChangeDetails(
      String title,
      String description,
      String priority,
      String environment,
      String category,
      String author) {}

  /** Collects the problems of one request, then refuses it whole. */
  static final class Checker {
    private final List<FieldProblem> problems = new ArrayList<>();

    void require(String field, String value) {
      if (value == null || value.isBlank()) {
        problems.add(new FieldProblem(field, "is required"));
      }
    }

    void maxLength(String field, String value, int max) {
      if (value != null && value.length() > max) {
        problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
      }
    }

    void notBlankIfGiven(String field, String value) {
      if (value != null && value.isBlank()) {
        problems.add(new FieldProblem(field, "must not be blank"));
      }
    }

    <E extends Enum<E>> E oneOf(String field, String value, Class<E> type, E fallback) {
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

    void problem(String field, String message) {
      problems.add(new FieldProblem(field, message));
    }

    void done() {
      if (!problems.isEmpty()) {
        throw ApiException.badRequest(problems);
      }
    }
  }

  static void checkTitle(Checker check, String title, boolean required) {
    if (required) {
      check.require("title", title);
    } else {
      check.notBlankIfGiven("title", title);
    }
    check.maxLength("title", title, IncidentRules.TITLE_MAX);
  }
}
