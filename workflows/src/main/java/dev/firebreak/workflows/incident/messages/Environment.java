package dev.firebreak.workflows.incident.messages;

/** Where the incident happens: production, staging or integration. */
public enum Environment {
  PRD,
  STG,
  INT
}
