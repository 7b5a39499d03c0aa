package dev.firebreak.workflows.channel;

/**
 * A receive channel as a person asks for it: {@code type} {@code alertmanager} or {@code
 * generic}; a generic channel needs a {@link GenericMapping}. Checked by {@link
 * ReceiveChannelValidation}.
 */
public record ReceiveChannelDraft(String name, String type, Long serviceId, GenericMapping mapping) {}
