package dev.firebreak.workflows.integrations.messages;

/** What one sync step changed in one kind of synced row. */
public record SyncChange(String resource, int added, int updated, int removed, int total) {

  public boolean changedAnything() {
    return added + updated + removed > 0;
  }

  @Override
  public String toString() {
    return resource + ": " + total + " (+" + added + " ~" + updated + " -" + removed + ")";
  }
}
