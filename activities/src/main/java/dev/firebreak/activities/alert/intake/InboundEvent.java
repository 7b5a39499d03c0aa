package dev.firebreak.activities.alert.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.workflows.alert.messages.AlertAction;

/**
 * An event as it came in, whatever its source, already checked: {@code body} is its JSON in
 * PagerDuty's shape ({@code event_action}, {@code dedup_key}, {@code payload.summary}, ...),
 * which routing rule conditions address by JSON Pointer. {@code severity} is null for an
 * acknowledge or resolve. {@code details} is JSON text or null.
 */
public record InboundEvent(
    AlertAction action,
    String dedupKey,
    String summary,
    String source,
    String severity,
    JsonNode body,
    String details) {}
