package dev.firebreak.workflows.incident.messages;

/** A free-text update on the timeline. {@code actor} was added later (see {@link Actor}). */
public record AddUpdate(String message, String author, Actor actor)
    implements IncidentCommand<AddUpdate> {

  public AddUpdate(String message, String author) {
    this(message, author, null);
  }

  @Override
  public AddUpdate by(Actor actor) {
    return new AddUpdate(message, actor.name(), actor);
  }
}
