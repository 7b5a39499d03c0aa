package dev.firebreak.activities.channel;

/** A receive channel as stored; {@code mapping} is JSON text, null for {@code alertmanager}. */
public record ReceiveChannel(long id, String name, String type, long serviceId, String key,
    String mapping) {}
