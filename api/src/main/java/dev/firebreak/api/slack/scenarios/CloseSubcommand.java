package dev.firebreak.api.slack.scenarios;

import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import dev.firebreak.api.slack.IncidentModals;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code /incident close [id]}: the close form of the incident ({@link CloseSubmission} takes it). */
@Component
@Order(30)
public class CloseSubcommand implements Subcommand {

  private final IncidentTarget target;

  public CloseSubcommand(IncidentTarget target) {
    this.target = target;
  }

  @Override
  public String name() {
    return "close";
  }

  @Override
  public String usage() {
    return "[id]";
  }

  @Override
  public String help() {
    return "close this channel's incident";
  }

  @Override
  public Response run(Invocation in) throws IOException, SlackApiException {
    return target.openForm(in, IncidentModals::close);
  }
}
