package dev.firebreak.activities.directory;

import dev.firebreak.workflows.alert.Severity;
import dev.firebreak.workflows.incident.messages.Priority;
import java.util.EnumMap;
import java.util.Map;

/**
 * Something that can break. Events reach it through {@code integrationKey}; the severity of an
 * alert gives the priority of the incident it opens, or no incident when mapped to null.
 */
public record Service(
    long id,
    String name,
    String description,
    String integrationKey,
    Long teamId,
    Long escalationPolicyId,
    boolean opensIncidents,
    Map<Severity, Priority> severityPriorities,
    Integer ackTimeoutMinutes) {

  /** critical → P1 and error → P2 open an incident; warning and info only make an alert. */
  public static Map<Severity, Priority> defaultSeverityPriorities() {
    Map<Severity, Priority> map = new EnumMap<>(Severity.class);
    map.put(Severity.CRITICAL, Priority.P1);
    map.put(Severity.ERROR, Priority.P2);
    map.put(Severity.WARNING, null);
    map.put(Severity.INFO, null);
    return map;
  }

  /** The priority of the incident an alert of this severity opens, or null for an alert only. */
  public Priority incidentPriority(Severity severity) {
    return opensIncidents ? severityPriorities.get(severity) : null;
  }
}
