package dev.firebreak.api.slack;

import com.slack.api.bolt.context.Context;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.Event;
import com.slack.api.model.event.ReactionAddedEvent;
import dev.firebreak.activities.security.SlackPermissions;
import dev.firebreak.activities.security.SlackPermissions.Action;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Slack roles, applied once for every route before its scenario runs ({@link SlackRouter} wraps
 * each handler): what a request asks to do ({@link Action}) comes from its command word, button,
 * form or event; whether its Slack user may, from {@link SlackPermissions}. Scenarios therefore
 * never check roles themselves, and a new scenario cannot forget to.
 */
@Component
public class SlackGate {

  private static final Logger log = LoggerFactory.getLogger(SlackGate.class);

  /**
   * What each button, shortcut and form asks to do; one not listed is work (the safe default: a
   * new route is refused to unknown users until it is listed here).
   */
  private static final Map<String, Action> BY_ID = Map.of(
      IncidentModals.OPEN_SHORTCUT, Action.DECLARE,
      IncidentModals.HOME_OPEN, Action.DECLARE,
      IncidentModals.OPEN, Action.DECLARE);

  private final SlackPermissions permissions;

  public SlackGate(SlackPermissions permissions) {
    this.permissions = permissions;
  }

  /** What an {@code /incident} command with {@code text} asks to do. */
  static Action commandAction(String text) {
    String word = text == null ? "" : text.trim().split("\\s+", 2)[0];
    return SlackPermissions.actionOf(word.toLowerCase(Locale.ROOT));
  }

  /** What a button, shortcut or form submission with this id asks to do. */
  static Action idAction(String id) {
    if (id != null && SlackOnCall.PAGE_ACTION.matcher(id).matches()) {
      return Action.ESCALATE;
    }
    return BY_ID.getOrDefault(id, Action.WORK);
  }

  /**
   * What an event asks to do: opening the App Home is the landing page (like help: it offers to
   * declare); a reaction posts to a timeline (work).
   */
  static Action eventAction(Event event) {
    return event instanceof AppHomeOpenedEvent ? Action.HELP : Action.WORK;
  }

  /** The Slack user behind an event, where the event names one. */
  static String eventUser(Event event) {
    if (event instanceof ReactionAddedEvent reaction) {
      return reaction.getUser();
    }
    if (event instanceof AppHomeOpenedEvent home) {
      return home.getUser();
    }
    return null;
  }

  /** Null to let the request through, else the reason to tell its Slack user. */
  public String refusal(String slackUserId, Action action) {
    String refusal = permissions.refusal(slackUserId, null, action);
    if (refusal != null) {
      log.info("Slack user {} refused {}: {}", slackUserId, action, refusal);
    }
    return refusal;
  }

  /** Tells a refused user why in a direct message, where there is no reply to answer in. */
  static void tell(Context ctx, String slackUserId, String refusal) {
    if (slackUserId == null) {
      return;
    }
    try {
      ctx.client().chatPostMessage(r -> r.channel(slackUserId).text(":no_entry: " + refusal));
    } catch (Exception e) {
      log.info("could not tell Slack user {} why they were refused: {}", slackUserId,
          e.getMessage());
    }
  }
}
