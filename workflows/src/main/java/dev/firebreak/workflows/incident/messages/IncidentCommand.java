package dev.firebreak.workflows.incident.messages;

/**
 * A change to an incident that names who asks for it. {@link #by} returns the same command
 * carried by {@code actor}: its {@code author} (the name that older workflow code and the timeline
 * read) becomes the actor's name.
 *
 * @param <C> the command's own type
 */
public interface IncidentCommand<C extends IncidentCommand<C>> {

  /** Who asked; null in histories recorded before commands carried an actor. */
  Actor actor();

  C by(Actor actor);
}
