package dev.firebreak.api.slack.scenarios;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import dev.firebreak.activities.slack.SlackSettings;
import dev.firebreak.api.problem.ApiException;
import dev.firebreak.api.slack.SlackRoute;
import dev.firebreak.api.slack.SlackScenario;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The {@code /incident} command and its aliases: the first word picks the {@link Subcommand}; no
 * word is {@code help}; an unknown word answers the help with a warning. A subcommand's
 * {@link ApiException} (no such incident) becomes a warning to the user, not an error to Slack.
 */
@Component
public class IncidentCommand implements SlackScenario {

  private final SlackSettings settings;
  private final Map<String, Subcommand> subcommands = new LinkedHashMap<>();

  public IncidentCommand(SlackSettings settings, List<Subcommand> subcommands) {
    this.settings = settings;
    for (Subcommand subcommand : subcommands) {
      if (this.subcommands.put(subcommand.name(), subcommand) != null) {
        throw new IllegalStateException("two subcommands are named " + subcommand.name());
      }
    }
  }

  @Override
  public List<SlackRoute> routes() {
    List<SlackRoute> routes = new ArrayList<>();
    routes.add(SlackRoute.command(settings.command(), this::command));
    for (String alias : settings.commandAliases()) {
      routes.add(SlackRoute.command(alias, this::command));
    }
    return routes;
  }

  Response command(SlashCommandRequest request, SlashCommandContext ctx)
      throws IOException, SlackApiException {
    SlashCommandPayload payload = request.getPayload();
    String text = payload.getText() == null ? "" : payload.getText().trim();
    String[] words = text.split("\\s+", 2);
    String name = words[0].isEmpty() ? "help" : words[0].toLowerCase(Locale.ROOT);
    String args = words.length > 1 ? words[1].trim() : "";
    String help = helpText(payload);
    Subcommand subcommand = subcommands.get(name);
    if (subcommand == null) {
      return ctx.ack(":warning: Unknown subcommand `" + name + "`.\n" + help);
    }
    try {
      return subcommand.run(new Invocation(payload, ctx, name, args, help));
    } catch (ApiException e) {
      return ctx.ack(":warning: " + e.getMessage());
    }
  }

  private String helpText(SlashCommandPayload payload) {
    String command = payload.getCommand() == null ? settings.command() : payload.getCommand();
    StringBuilder text = new StringBuilder("*" + command + "* runs incidents from Slack:");
    subcommands.forEach((name, s) -> text.append("\n• `").append(command).append(' ')
        .append(name).append(s.usage().isEmpty() ? "" : " " + s.usage()).append("`: ")
        .append(s.help()));
    return text.toString();
  }
}
