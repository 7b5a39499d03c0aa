package dev.firebreak.workflows.incident.messages;

/** FireFighter's incident lifecycle, in order. */
public enum Status {
  OPEN,
  INVESTIGATING,
  MITIGATING,
  MITIGATED,
  POST_MORTEM,
  CLOSED;

  public boolean isBefore(Status other) {
    return ordinal() < other.ordinal();
  }

  public boolean isAtLeast(Status other) {
    return ordinal() >= other.ordinal();
  }
}
