package dev.firebreak.workflows.incident.messages;

/** P1 is the most severe. */
public enum Priority {
  P1,
  P2,
  P3,
  P4,
  P5;

  /** 1 for P1 ... 5 for P5. */
  public int level() {
    return ordinal() + 1;
  }
}
