package dev.firebreak.api.slack.scenarios;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;

/**
 * A parsed {@code /incident <name> <args>}, with the help text of the whole command (which the
 * {@code help} subcommand answers and an unknown subcommand shows).
 */
public record Invocation(SlashCommandPayload payload, SlashCommandContext ctx, String name,
    String args, String helpText) {
}
