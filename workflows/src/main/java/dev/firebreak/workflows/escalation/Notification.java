package dev.firebreak.workflows.escalation;

import java.time.Instant;

/**
 * One page: {@code (incidentId, run, loop, step, userId)} is its idempotency key, so a retried or
 * replayed step never sends it twice. {@code run} names the escalation run and its re-trigger,
 * e.g. {@code escalation-42-1#0}; {@code loop} and {@code step} count from 0.
 */
public record Notification(
    long incidentId,
    String run,
    int loop,
    int step,
    Recipient recipient,
    String incidentTitle,
    String priority,
    Instant at) {}
