package dev.firebreak.workflows.slack;

import dev.firebreak.workflows.incident.messages.Environment;
import dev.firebreak.workflows.incident.messages.Priority;

/**
 * Whom to invite into an incident's channel: what the invite providers need to know.
 * {@code serviceId} (the directory's service, may be null) is for a provider of the people on
 * call for the service.
 */
public record InviteRequest(
    long incidentId,
    Priority priority,
    Environment environment,
    String category,
    boolean privateIncident,
    String channelId,
    Long serviceId) {}
