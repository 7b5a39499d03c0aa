package dev.firebreak.api.slack.scenarios;

import com.slack.api.bolt.response.Response;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code /incident help} (and {@code /incident} alone): every subcommand, one line each. */
@Component
@Order(70)
public class HelpSubcommand implements Subcommand {

  @Override
  public String name() {
    return "help";
  }

  @Override
  public String usage() {
    return "";
  }

  @Override
  public String help() {
    return "this help";
  }

  @Override
  public Response run(Invocation in) {
    return in.ctx().ack(in.helpText());
  }
}
