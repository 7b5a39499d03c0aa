package dev.firebreak.api.slack.scenarios;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.firebreak.api.problem.ApiException;
import dev.firebreak.api.slack.SlackAnswers;
import dev.firebreak.api.slack.SlackAuthors;
import dev.firebreak.api.slack.SlackIncidentUpdates;

/**
 * A click on a button of an escalation page (the on-call SlackPager's DM): the incident is the
 * button's value, and the clicker and the click's time make the update id, so that Slack's retry
 * of the click changes nothing twice.
 */
record PageClick(long incidentId, String slackUser, String author, String actionTs) {

  /** What a button does with its click: the reply on success; a refusal is thrown. */
  @FunctionalInterface
  interface Effect {
    String apply(PageClick click);
  }

  /** The update id of this click for one kind of change ({@code ack}, {@code resolve}). */
  String updateId(String kind) {
    return "slack-" + kind + "-" + slackUser + "-" + actionTs;
  }

  /** Reads the click, applies it, and tells the clicker how it went. */
  static Response handle(BlockActionRequest request, ActionContext ctx, SlackAuthors authors,
      Effect effect) {
    BlockActionPayload payload = request.getPayload();
    BlockActionPayload.Action action = payload.getActions().get(0);
    long id = Long.parseLong(action.getValue());
    String slackUser = payload.getUser().getId();
    PageClick click = new PageClick(id, slackUser,
        authors.author(slackUser, payload.getUser().getUsername()), action.getActionTs());
    try {
      return SlackAnswers.reply(ctx, effect.apply(click));
    } catch (SlackIncidentUpdates.Refused | ApiException refused) {
      return SlackAnswers.reply(ctx, ":warning: Incident #" + id + ": " + refused.getMessage());
    }
  }
}
