package dev.firebreak.api.incident;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.firebreak.api.problem.Checker;
import dev.firebreak.workflows.incident.IncidentRules;
import java.time.Instant;

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
      String createdBy,
      Long serviceId) {}

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

  static void checkTitle(Checker check, String title, boolean required) {
    if (required) {
      check.require("title", title);
    } else {
      check.notBlankIfGiven("title", title);
    }
    check.maxLength("title", title, IncidentRules.TITLE_MAX);
  }
}
