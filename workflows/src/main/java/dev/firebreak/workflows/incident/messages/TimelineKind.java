package dev.firebreak.workflows.incident.messages;

/** What a timeline entry records. */
public enum TimelineKind {
  DECLARED,
  STATUS_CHANGED,
  UPDATE,
  ROLES_CHANGED,
  KEY_EVENTS_CHANGED,
  DETAILS_CHANGED,
  ACKNOWLEDGED,
  ESCALATION,
  /** What an integration (Jira, Confluence, PagerDuty) did or failed to do for the incident. */
  INTEGRATION
}
