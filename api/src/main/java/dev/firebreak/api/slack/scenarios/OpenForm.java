package dev.firebreak.api.slack.scenarios;

import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import dev.firebreak.api.slack.IncidentModals;
import dev.firebreak.api.slack.SlackAnswers;
import dev.firebreak.api.slack.SlackRoute;
import dev.firebreak.api.slack.SlackScenario;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The "Open incident" shortcut and the App Home's "Open an incident" button: both show the form
 * that opens an incident ({@link OpenSubmission} takes it).
 */
@Component
public class OpenForm implements SlackScenario {

  @Override
  public List<SlackRoute> routes() {
    return List.of(
        SlackRoute.shortcut(IncidentModals.OPEN_SHORTCUT,
            (req, ctx) -> show(ctx, req.getPayload().getTriggerId())),
        SlackRoute.button(IncidentModals.HOME_OPEN,
            (req, ctx) -> show(ctx, req.getPayload().getTriggerId())));
  }

  private static Response show(Context ctx, String triggerId)
      throws IOException, SlackApiException {
    SlackAnswers.openView(ctx.client(), triggerId, IncidentModals.open());
    return ctx.ack();
  }
}
