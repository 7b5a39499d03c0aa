package dev.firebreak.workflows.incident.messages;

/** Edit the incident's description fields; null ones are left as they are. */
public record ChangeDetails(
    String title,
    String description,
    Priority priority,
    Environment environment,
    String category,
    String author,
    Actor actor)
    implements IncidentCommand<ChangeDetails> {

  public ChangeDetails(String title, String description, Priority priority,
      Environment environment, String category, String author) {
    this(title, description, priority, environment, category, author, null);
  }

  @Override
  public ChangeDetails by(Actor actor) {
    return new ChangeDetails(title, description, priority, environment, category,
        actor.name(), actor);
  }
}
