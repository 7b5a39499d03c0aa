package dev.firebreak.workflows.incident.messages;

/**
 * Escalate now: with no {@code policyId}, page the running escalation's next step at once; with
 * one, stop the running escalation and start over with that policy ({@code ackTimeoutMinutes} as
 * the incident's service has it, or null). {@code actor} was added later (see {@link Actor}).
 */
public record Escalate(Long policyId, Integer ackTimeoutMinutes, String author, Actor actor)
    implements IncidentCommand<Escalate> {

  public Escalate(Long policyId, Integer ackTimeoutMinutes, String author) {
    this(policyId, ackTimeoutMinutes, author, null);
  }

  @Override
  public Escalate by(Actor actor) {
    return new Escalate(policyId, ackTimeoutMinutes, actor.name(), actor);
  }
}
