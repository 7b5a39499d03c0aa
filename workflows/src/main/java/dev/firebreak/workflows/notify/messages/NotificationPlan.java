package dev.firebreak.workflows.notify.messages;

import java.time.Instant;
import java.util.List;

/**
 * One page of one user by one escalation step: the user's rules as they were when the step
 * paged, timed from {@code pagedAt}. {@code planId} is (incident, run, loop, step, user).
 */
public record NotificationPlan(String planId, long incidentId, long userId, String userName,
    String incidentTitle, String priority, Instant pagedAt, List<PlanRule> rules) {}
