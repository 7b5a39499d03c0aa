package dev.firebreak.api.slack.scenarios;

import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import dev.firebreak.api.slack.IncidentModals;
import dev.firebreak.api.slack.SlackAnswers;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code /incident open}: the form that opens an incident ({@link OpenSubmission} takes it). */
@Component
@Order(10)
public class OpenSubcommand implements Subcommand {

  @Override
  public String name() {
    return "open";
  }

  @Override
  public String usage() {
    return "";
  }

  @Override
  public String help() {
    return "open an incident (a form asks for its details)";
  }

  @Override
  public Response run(Invocation in) throws IOException, SlackApiException {
    String error = SlackAnswers.openView(in.ctx().client(), in.payload().getTriggerId(),
        IncidentModals.open());
    return error == null ? in.ctx().ack() : in.ctx().ack(":warning: " + error);
  }
}
