package dev.firebreak.api.slack.scenarios;

import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import dev.firebreak.api.slack.IncidentModals;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code /incident update [id]}: the update form of the incident ({@link UpdateSubmission} takes it). */
@Component
@Order(20)
public class UpdateSubcommand implements Subcommand {

  private final IncidentTarget target;

  public UpdateSubcommand(IncidentTarget target) {
    this.target = target;
  }

  @Override
  public String name() {
    return "update";
  }

  @Override
  public String usage() {
    return "[id]";
  }

  @Override
  public String help() {
    return "change status, roles or priority of this channel's incident";
  }

  @Override
  public Response run(Invocation in) throws IOException, SlackApiException {
    return target.openForm(in, IncidentModals::update);
  }
}
