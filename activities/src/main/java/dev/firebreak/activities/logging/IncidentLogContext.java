package dev.firebreak.activities.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The incident a log line is about, as an MDC entry ({@code incidentId}) beside the workflow id
 * Temporal's SDK already puts there ({@code WorkflowId}), so JSON logs can be searched by
 * incident. The id is read from the workflow id, which names it for every workflow of an
 * incident: {@code incident-42}, {@code escalation-42-1}, {@code invite-42},
 * {@code pagerduty-trigger-42-PSVC}.
 */
public final class IncidentLogContext {

  public static final String INCIDENT_ID = "incidentId";
  public static final String WORKFLOW_ID = "WorkflowId";

  private static final Pattern OF_AN_INCIDENT =
      Pattern.compile("^(?:incident|escalation|invite|pagerduty-trigger)-(\\d+)(?:-.*)?$");

  private IncidentLogContext() {}

  /** The incident a workflow id belongs to, or null. */
  public static String incidentOf(String workflowId) {
    if (workflowId == null) {
      return null;
    }
    Matcher m = OF_AN_INCIDENT.matcher(workflowId);
    return m.matches() ? m.group(1) : null;
  }

  /** Marks this thread's lines with the incident of {@code workflowId}; true when it did. */
  public static boolean enter(String workflowId) {
    String incident = incidentOf(workflowId);
    if (incident == null) {
      return false;
    }
    MDC.put(INCIDENT_ID, incident);
    return true;
  }

  public static void leave() {
    MDC.remove(INCIDENT_ID);
  }
}
