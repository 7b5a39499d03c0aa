package dev.firebreak.workflows.channel;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * How a generic webhook's JSON becomes an event. Each of {@code summary}, {@code dedupKey},
 * {@code severity}, {@code action} and {@code source} is a JSON Pointer into the body (it starts
 * with {@code /}, e.g. {@code /alert/title}) or a constant (e.g. {@code "critical"}). When a
 * pointer finds nothing, {@code defaults} has the value (else: action {@code trigger}, severity
 * {@code warning}, source {@code webhook}, a fresh dedup key for a trigger; summary has no
 * default). {@code severityValues} and {@code actionValues} translate the tool's words, e.g.
 * {@code {"high": "critical"}}, {@code {"ok": "resolve", "alerting": "trigger"}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GenericMapping(
    String summary,
    String dedupKey,
    String severity,
    String action,
    String source,
    Map<String, String> defaults,
    Map<String, String> severityValues,
    Map<String, String> actionValues) {}
