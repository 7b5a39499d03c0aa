package dev.firebreak.workflows.notify.messages;

/** Send one rule of a plan, keyed (plan, rule): sent at most once whatever the retries. */
public record PlanSend(NotificationPlan plan, PlanRule rule) {}
