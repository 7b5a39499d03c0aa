package dev.firebreak.workflows.incident.messages;

/**
 * Escalate now: with no {@code policyId}, page the running escalation's next step at once; with
 * one, stop the running escalation and start over with that policy ({@code ackTimeoutMinutes} as
 * the incident's service has it, or null).
 */
public record Escalate(Long policyId, Integer ackTimeoutMinutes, String author) {}
