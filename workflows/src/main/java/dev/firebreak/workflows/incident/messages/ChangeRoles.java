package dev.firebreak.workflows.incident.messages;

/**
 * Assign roles; a null role is left as it is, an empty one is unassigned. {@code actor} was added
 * later (see {@link Actor}).
 */
public record ChangeRoles(String commander, String communicationLead, String author, Actor actor)
    implements IncidentCommand<ChangeRoles> {

  public ChangeRoles(String commander, String communicationLead, String author) {
    this(commander, communicationLead, author, null);
  }

  @Override
  public ChangeRoles by(Actor actor) {
    return new ChangeRoles(commander, communicationLead, actor.name(), actor);
  }
}
