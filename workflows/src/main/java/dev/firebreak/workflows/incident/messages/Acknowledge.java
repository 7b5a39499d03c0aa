package dev.firebreak.workflows.incident.messages;

/**
 * Someone takes the incident: paging stops. {@code userId} may be null, {@code author} names;
 * {@code actor} was added later and says through which channel (see {@link Actor}).
 */
public record Acknowledge(Long userId, String author, Actor actor)
    implements IncidentCommand<Acknowledge> {

  public Acknowledge(Long userId, String author) {
    this(userId, author, null);
  }

  @Override
  public Acknowledge by(Actor actor) {
    return new Acknowledge(actor.userId() != null ? actor.userId() : userId, actor.name(),
        actor);
  }

  /** Who acknowledged, as the timeline says it: "Alice via Slack" once an actor is known. */
  public String who() {
    if (actor != null) {
      return actor.describe();
    }
    return author != null ? author : userId != null ? "user " + userId : "someone";
  }
}
