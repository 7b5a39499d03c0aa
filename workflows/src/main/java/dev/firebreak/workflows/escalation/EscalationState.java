package dev.firebreak.workflows.escalation;

/**
 * Where an escalation is: {@code trigger} counts re-triggers after an ack timeout, {@code loop}
 * and {@code step} the step paged last (from 0), {@code notified} the pages sent so far.
 */
public record EscalationState(
    EscalationPhase phase, int trigger, int loop, int step, int notified, String acknowledgedBy) {}
