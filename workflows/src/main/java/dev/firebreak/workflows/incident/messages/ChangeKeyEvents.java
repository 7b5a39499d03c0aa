package dev.firebreak.workflows.incident.messages;

/** Set milestones; null ones are left as they are. {@code actor} was added later. */
public record ChangeKeyEvents(KeyEvents keyEvents, String author, Actor actor)
    implements IncidentCommand<ChangeKeyEvents> {

  public ChangeKeyEvents(KeyEvents keyEvents, String author) {
    this(keyEvents, author, null);
  }

  @Override
  public ChangeKeyEvents by(Actor actor) {
    return new ChangeKeyEvents(keyEvents, actor.name(), actor);
  }
}
