package dev.firebreak.api.incident;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.firebreak.api.problem.Checker;
import dev.firebreak.workflows.incident.IncidentRules;
import dev.firebreak.workflows.incident.messages.Actor;
import dev.firebreak.workflows.incident.messages.ClosureReason;
import dev.firebreak.workflows.incident.messages.Environment;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.KeyEvents;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Roles;
import dev.firebreak.workflows.incident.messages.Status;
import java.time.Instant;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The JSON bodies the incident endpoints take, each turned into its command by {@code command()}
 * (or {@code draft()}), which refuses the whole body with a 400 naming every wrong field.
 * Enumerations arrive as text and are checked here, so that a wrong value is answered with the
 * field and the values it may take.
 */
public final class IncidentRequests {

  private IncidentRequests() {}

  /** Sent by Firebreak's web app, so that the timeline can say "via the web app". */
  public static final String CHANNEL_HEADER = "X-Firebreak-Channel";

  /** Who calls the REST API: the name the body gives ({@code author}, {@code createdBy}). */
  public static Actor actor(Long userId, String author) {
    return new Actor(userId, author, channel());
  }

  static Actor actor(String author) {
    return actor(null, author);
  }

  /**
   * WEB when the web app sent the request, else API. A label for the timeline, not a credential:
   * who may do what is decided by authentication.
   */
  static Actor.Channel channel() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes http
        && "web".equalsIgnoreCase(http.getRequest().getHeader(CHANNEL_HEADER))
        ? Actor.Channel.WEB : Actor.Channel.API;
  }

  public record Create(
      String title,
      String description,
      String priority,
      String environment,
      String category,
      @JsonProperty("private") Boolean privateIncident,
      String dedupKey,
      String createdBy,
      Long serviceId) {

    Incident draft() {
      Checker check = new Checker();
      checkTitle(check, title, true);
      check.maxLength("description", description, IncidentRules.DESCRIPTION_MAX);
      Priority p = check.oneOf("priority", priority, Priority.class, Priority.P3);
      Environment e = check.oneOf("environment", environment, Environment.class, Environment.PRD);
      check.maxLength("category", category, IncidentRules.CATEGORY_MAX);
      check.notBlankIfGiven("dedupKey", dedupKey);
      check.maxLength("dedupKey", dedupKey, IncidentRules.DEDUP_KEY_MAX);
      check.maxLength("createdBy", createdBy, 255);
      check.done();
      return new Incident(0, title.trim(), description, p, e, blankToNull(category),
          Boolean.TRUE.equals(privateIncident), blankToNull(dedupKey), null, createdBy,
          Status.OPEN, null, Roles.NONE, KeyEvents.NONE, 0, serviceId);
    }
  }

  public record ChangeStatus(String status, String message, String closureReason, String author) {

    dev.firebreak.workflows.incident.messages.ChangeStatus command() {
      Checker check = new Checker();
      check.require("status", status);
      Status to = check.oneOf("status", status, Status.class, null);
      ClosureReason reason =
          check.oneOf("closureReason", closureReason, ClosureReason.class, null);
      check.maxLength("message", message, IncidentRules.MESSAGE_MAX);
      checkAuthor(check, author);
      check.done();
      return new dev.firebreak.workflows.incident.messages.ChangeStatus(to, message, reason, null);
    }
  }

  public record AddUpdate(String message, String author) {

    dev.firebreak.workflows.incident.messages.AddUpdate command() {
      Checker check = new Checker();
      check.require("message", message);
      check.maxLength("message", message, IncidentRules.MESSAGE_MAX);
      checkAuthor(check, author);
      check.done();
      return new dev.firebreak.workflows.incident.messages.AddUpdate(message, null);
    }
  }

  public record ChangeRoles(String commander, String communicationLead, String author) {

    dev.firebreak.workflows.incident.messages.ChangeRoles command() {
      Checker check = new Checker();
      if (commander == null && communicationLead == null) {
        check.problem("commander", "give commander, communicationLead or both");
      }
      check.maxLength("commander", commander, IncidentRules.ROLE_MAX);
      check.maxLength("communicationLead", communicationLead, IncidentRules.ROLE_MAX);
      checkAuthor(check, author);
      check.done();
      return new dev.firebreak.workflows.incident.messages.ChangeRoles(
          commander, communicationLead, null);
    }
  }

  public record ChangeKeyEvents(
      Instant started,
      Instant detected,
      Instant declared,
      Instant mitigated,
      Instant recovered,
      Instant resolved,
      String author) {

    dev.firebreak.workflows.incident.messages.ChangeKeyEvents command() {
      KeyEvents events =
          new KeyEvents(started, detected, declared, mitigated, recovered, resolved);
      Checker check = new Checker();
      if (events.equals(KeyEvents.NONE)) {
        check.problem("keyEvents", "give at least one of started, detected, declared, mitigated,"
            + " recovered, resolved");
      }
      checkAuthor(check, author);
      check.done();
      return new dev.firebreak.workflows.incident.messages.ChangeKeyEvents(events, null);
    }
  }

  public record ChangeDetails(
      String title,
      String description,
      String priority,
      String environment,
      String category,
      String author) {

    dev.firebreak.workflows.incident.messages.ChangeDetails command() {
      Checker check = new Checker();
      checkTitle(check, title, false);
      check.maxLength("description", description, IncidentRules.DESCRIPTION_MAX);
      Priority p = check.oneOf("priority", priority, Priority.class, null);
      Environment e = check.oneOf("environment", environment, Environment.class, null);
      check.maxLength("category", category, IncidentRules.CATEGORY_MAX);
      if (title == null && description == null && priority == null && environment == null
          && category == null) {
        check.problem("body", "give at least one of title, description, priority, environment,"
            + " category");
      }
      checkAuthor(check, author);
      check.done();
      return new dev.firebreak.workflows.incident.messages.ChangeDetails(
          title == null ? null : title.trim(), description, p, e, category, null);
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

  static void checkAuthor(Checker check, String author) {
    check.maxLength("author", author, 255);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
