package dev.firebreak.activities.idempotency;

/** The answer to a request, kept to be answered again: HTTP status, JSON body, Location or null. */
public record StoredResponse(int status, String body, String location) {}
