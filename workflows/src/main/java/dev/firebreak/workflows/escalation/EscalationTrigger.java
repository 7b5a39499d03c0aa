package dev.firebreak.workflows.escalation;

/** The policy an incident of a service escalates with, and the service's ack timeout (or null). */
public record EscalationTrigger(long policyId, Integer ackTimeoutMinutes) {}
