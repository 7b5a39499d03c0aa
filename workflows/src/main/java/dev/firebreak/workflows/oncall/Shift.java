package dev.firebreak.workflows.oncall;

import java.time.Instant;
import java.util.List;

/** The users on call from {@code start} to {@code end}, after layers and overrides. */
public record Shift(Instant start, Instant end, List<Long> userIds) {}
