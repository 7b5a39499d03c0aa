package dev.firebreak.workflows.alert.messages;

import java.time.Instant;

/** An event as the group's read model keeps it: numbered within the group. */
public record AlertEventRecord(
    int seq, Instant at, AlertAction action, int count, String summary, String severity,
    String details) {}
