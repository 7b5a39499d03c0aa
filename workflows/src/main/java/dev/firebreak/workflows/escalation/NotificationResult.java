package dev.firebreak.workflows.escalation;

/**
 * What came of a page: {@code sent} when it was delivered (now or by an earlier attempt), else
 * why not. {@code via} names the channel, e.g. {@code slack}, or {@code none}.
 */
public record NotificationResult(boolean sent, String via, String detail) {}
