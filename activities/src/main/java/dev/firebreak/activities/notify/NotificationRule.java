package dev.firebreak.activities.notify;

/** Reach {@code contactMethodId} {@code delayMinutes} after a step pages the user. */
public record NotificationRule(long id, long userId, long contactMethodId, int delayMinutes) {}
