package dev.firebreak.workflows.incident.messages;

import java.time.Instant;

/** One line of an incident's timeline; {@code seq} numbers the entries of one incident from 1. */
public record TimelineEntry(
    long incidentId, int seq, Instant at, TimelineKind kind, String message, String author) {}
