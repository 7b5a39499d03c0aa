package dev.firebreak.workflows.alert.messages;

import dev.firebreak.workflows.incident.messages.Priority;
import java.time.Instant;

/**
 * One open (service, dedup key) from its first trigger to its resolve, as its workflow holds it.
 * {@code id} is the read model's id (null until first stored); {@code openKey} names the run
 * chain and generation that opened it, so the store finds the same row on a retry. {@code
 * version} grows with every change so the read model keeps only the newest copy.
 */
public record AlertGroup(
    Long id,
    String openKey,
    String workflowId,
    long serviceId,
    String dedupKey,
    String summary,
    String source,
    String severity,
    Priority priority,
    AlertStatus status,
    long count,
    Instant firstAt,
    Instant lastAt,
    Instant acknowledgedAt,
    Instant resolvedAt,
    Long incidentId,
    long version) {

  public AlertGroup withId(long newId) {
    return new AlertGroup(newId, openKey, workflowId, serviceId, dedupKey, summary, source,
        severity, priority, status, count, firstAt, lastAt, acknowledgedAt, resolvedAt, incidentId,
        version);
  }

  public AlertGroup withIncidentId(long incident) {
    return new AlertGroup(id, openKey, workflowId, serviceId, dedupKey, summary, source, severity,
        priority, status, count, firstAt, lastAt, acknowledgedAt, resolvedAt, incident,
        version + 1);
  }

  /** A repeated trigger: counted; summary and severity follow the latest event. */
  public AlertGroup repeated(AlertEvent e) {
    return new AlertGroup(id, openKey, workflowId, serviceId, dedupKey, e.summary(), e.source(),
        e.severity(), priority, status, count + e.count(), firstAt, e.lastAt(), acknowledgedAt,
        resolvedAt, incidentId, version + 1);
  }

  public AlertGroup withStatus(AlertStatus newStatus, Instant at) {
    return new AlertGroup(id, openKey, workflowId, serviceId, dedupKey, summary, source, severity,
        priority, newStatus, count, firstAt, lastAt,
        newStatus == AlertStatus.ACKNOWLEDGED ? at : acknowledgedAt,
        newStatus == AlertStatus.RESOLVED ? at : resolvedAt, incidentId, version + 1);
  }
}
