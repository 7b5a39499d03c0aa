package dev.firebreak.api.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.handler.builtin.GlobalShortcutHandler;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import java.util.regex.Pattern;

/**
 * One row of the Slack routing table: which kind of request (a slash command, a shortcut, a modal
 * submission, a button, an event) with which id reaches which handler. A scenario declares its
 * routes, as Grafana OnCall's {@code STEPS_ROUTING} does; {@link SlackRouter} hands them to Bolt.
 */
public sealed interface SlackRoute {

  /** Puts this route on Bolt's app. */
  void register(App app);

  /** A human-readable key of the route, for the log and the duplicate check. */
  String key();

  static SlackRoute command(String command, SlashCommandHandler handler) {
    return new Command(command, handler);
  }

  static SlackRoute shortcut(String callbackId, GlobalShortcutHandler handler) {
    return new Shortcut(callbackId, handler);
  }

  static SlackRoute submission(String callbackId, ViewSubmissionHandler handler) {
    return new Submission(callbackId, handler);
  }

  static SlackRoute button(String actionId, BlockActionHandler handler) {
    return new Button(Pattern.compile("^" + Pattern.quote(actionId) + "$"), handler);
  }

  static SlackRoute button(Pattern actionId, BlockActionHandler handler) {
    return new Button(actionId, handler);
  }

  static <E extends com.slack.api.model.event.Event> SlackRoute event(Class<E> type,
      BoltEventHandler<E> handler) {
    return new Event<>(type, handler);
  }

  record Command(String command, SlashCommandHandler handler) implements SlackRoute {
    public void register(App app) {
      app.command(command, handler);
    }

    public String key() {
      return "command " + command;
    }
  }

  record Shortcut(String callbackId, GlobalShortcutHandler handler) implements SlackRoute {
    public void register(App app) {
      app.globalShortcut(callbackId, handler);
    }

    public String key() {
      return "shortcut " + callbackId;
    }
  }

  record Submission(String callbackId, ViewSubmissionHandler handler) implements SlackRoute {
    public void register(App app) {
      app.viewSubmission(callbackId, handler);
    }

    public String key() {
      return "view_submission " + callbackId;
    }
  }

  record Button(Pattern actionId, BlockActionHandler handler) implements SlackRoute {
    public void register(App app) {
      app.blockAction(actionId, handler);
    }

    public String key() {
      return "block_action " + actionId.pattern();
    }
  }

  record Event<E extends com.slack.api.model.event.Event>(Class<E> type,
      BoltEventHandler<E> handler) implements SlackRoute {
    public void register(App app) {
      app.event(type, handler);
    }

    public String key() {
      return "event " + type.getSimpleName();
    }
  }
}
