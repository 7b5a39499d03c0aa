package dev.firebreak.api.slack;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.view.View;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two ways a scenario answers a person beyond its acknowledgement: a modal opened on their
 * trigger ({@code views.open}, valid for 3 seconds, so it happens here and not in an activity), and
 * an ephemeral reply to a button through the message's response URL.
 */
public final class SlackAnswers {

  private static final Logger log = LoggerFactory.getLogger(SlackAnswers.class);

  private SlackAnswers() {}

  /** Opens a modal; returns Slack's refusal as a sentence for the user, or null. */
  public static String openView(MethodsClient client, String triggerId, View view)
      throws IOException, SlackApiException {
    ViewsOpenResponse opened = client.viewsOpen(r -> r.triggerId(triggerId).view(view));
    if (!opened.isOk()) {
      log.warn("views.open failed: {} {}", opened.getError(), opened.getResponseMetadata());
      return "Slack refused to open the form (" + opened.getError() + ")";
    }
    return null;
  }

  /** Acknowledges the click and tells the user how it went, where Slack gave a response URL. */
  public static com.slack.api.bolt.response.Response reply(ActionContext ctx, String text) {
    try {
      if (ctx.getResponseUrl() != null) {
        ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(text));
      }
    } catch (IOException | RuntimeException e) {
      log.info("could not answer a Slack button ({}): {}", text, e.getMessage());
    }
    return ctx.ack();
  }
}
