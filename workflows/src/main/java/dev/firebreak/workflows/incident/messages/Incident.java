package dev.firebreak.workflows.incident.messages;

import java.time.Instant;

/**
 * An incident as its workflow holds it. {@code version} grows with every change so that the read
 * model keeps only the newest copy, whatever order projections arrive in. {@code serviceId} is the
 * affected service, when known.
 */
public record Incident(
    long id,
    String title,
    String description,
    Priority priority,
    Environment environment,
    String category,
    boolean privateIncident,
    String dedupKey,
    Instant createdAt,
    String createdBy,
    Status status,
    ClosureReason closureReason,
    Roles roles,
    KeyEvents keyEvents,
    long version,
    Long serviceId) {

  public Incident withCreatedBy(String who) {
    return new Incident(id, title, description, priority, environment, category, privateIncident,
        dedupKey, createdAt, who, status, closureReason, roles, keyEvents, version, serviceId);
  }

  public Incident withStatus(Status newStatus, ClosureReason reason) {
    return new Incident(id, title, description, priority, environment, category, privateIncident,
        dedupKey, createdAt, createdBy, newStatus, reason, roles, keyEvents, version, serviceId);
  }

  public Incident withRoles(Roles newRoles) {
    return new Incident(id, title, description, priority, environment, category, privateIncident,
        dedupKey, createdAt, createdBy, status, closureReason, newRoles, keyEvents, version, serviceId);
  }

  public Incident withKeyEvents(KeyEvents newKeyEvents) {
    return new Incident(id, title, description, priority, environment, category, privateIncident,
        dedupKey, createdAt, createdBy, status, closureReason, roles, newKeyEvents, version, serviceId);
  }

  public Incident withDetails(
      String newTitle, String newDescription, Priority newPriority, Environment newEnvironment,
      String newCategory) {
    return new Incident(id, newTitle, newDescription, newPriority, newEnvironment, newCategory,
        privateIncident, dedupKey, createdAt, createdBy, status, closureReason, roles, keyEvents,
        version, serviceId);
  }

  public Incident nextVersion() {
    return new Incident(id, title, description, priority, environment, category, privateIncident,
        dedupKey, createdAt, createdBy, status, closureReason, roles, keyEvents, version + 1, serviceId);
  }
}
