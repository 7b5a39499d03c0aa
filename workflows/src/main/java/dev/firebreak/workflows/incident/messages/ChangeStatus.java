package dev.firebreak.workflows.incident.messages;

/**
 * Move an incident through its lifecycle. {@code message} explains, and goes on the timeline.
 * {@code actor} was added later: histories recorded before carry only {@code author}.
 */
public record ChangeStatus(
    Status status, String message, ClosureReason closureReason, String author, Actor actor)
    implements IncidentCommand<ChangeStatus> {

  public ChangeStatus(Status status, String message, ClosureReason closureReason, String author) {
    this(status, message, closureReason, author, null);
  }

  @Override
  public ChangeStatus by(Actor actor) {
    return new ChangeStatus(status, message, closureReason, actor.name(), actor);
  }
}
