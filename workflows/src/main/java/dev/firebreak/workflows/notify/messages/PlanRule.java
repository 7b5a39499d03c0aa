package dev.firebreak.workflows.notify.messages;

/**
 * One notification rule of a plan: reach {@code contactMethodId} {@code delayMinutes} after the
 * page. {@code key} names the rule within its plan (the rule id, or {@code cm<id>} for a user
 * without rules), so that (plan, key) identifies one send. {@code label} is what the timeline
 * says, e.g. "SMS to Alice (+33 6 … 89)".
 */
public record PlanRule(String key, long contactMethodId, ContactType type, int delayMinutes,
    String label) {}
