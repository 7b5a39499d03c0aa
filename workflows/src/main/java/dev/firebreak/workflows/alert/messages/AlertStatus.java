package dev.firebreak.workflows.alert.messages;

/** Where an alert group stands. */
public enum AlertStatus {
  TRIGGERED,
  ACKNOWLEDGED,
  RESOLVED
}
