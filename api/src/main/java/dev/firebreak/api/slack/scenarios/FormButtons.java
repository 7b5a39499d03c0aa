package dev.firebreak.api.slack.scenarios;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.view.View;
import dev.firebreak.api.problem.ApiException;
import dev.firebreak.api.slack.SlackAnswers;
import dev.firebreak.api.slack.SlackIncidents;
import dev.firebreak.workflows.incident.messages.Incident;
import java.io.IOException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the App Home's per-incident buttons share: the button's value is the incident id, and the
 * click opens that incident's form. An incident gone since the Home was drawn is only logged: the
 * Home is redrawn the next time it is opened.
 */
final class FormButtons {

  private static final Logger log = LoggerFactory.getLogger(FormButtons.class);

  private FormButtons() {}

  static Response open(BlockActionRequest request, ActionContext ctx, SlackIncidents incidents,
      Function<Incident, View> form) throws IOException, SlackApiException {
    long id = Long.parseLong(request.getPayload().getActions().get(0).getValue());
    try {
      SlackAnswers.openView(ctx.client(), request.getPayload().getTriggerId(),
          form.apply(incidents.get(id)));
    } catch (ApiException gone) {
      log.info("App Home form of incident {}: {}", id, gone.getMessage());
    }
    return ctx.ack();
  }
}
