package dev.firebreak.workflows.escalation;

/**
 * The input of an escalation workflow.
 *
 * @param run the number of this escalation of the incident, from 1
 * @param ackTimeoutMinutes after an acknowledgement, escalate again when the incident is still
 *     unresolved this much later; null for never
 * @param noteOnIncident whether to write on the incident's timeline (false in the simulator)
 */
public record EscalationRun(
    long incidentId,
    int run,
    long policyId,
    Integer ackTimeoutMinutes,
    String incidentTitle,
    String priority,
    boolean noteOnIncident) {}
