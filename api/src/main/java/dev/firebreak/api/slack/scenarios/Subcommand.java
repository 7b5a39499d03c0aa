package dev.firebreak.api.slack.scenarios;

import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import java.io.IOException;

/**
 * One {@code /incident} subcommand in a class of its own: its route is its name, its help is one
 * line. {@link IncidentCommand} dispatches to it; the help lists subcommands in {@code @Order}.
 */
public interface Subcommand {

  /** The word after the command, lower case: {@code /incident <name>}. */
  String name();

  /** Its arguments as the help shows them ({@code [id]}), or empty. */
  String usage();

  /** What it does, in one line of the help. */
  String help();

  Response run(Invocation invocation) throws IOException, SlackApiException;
}
