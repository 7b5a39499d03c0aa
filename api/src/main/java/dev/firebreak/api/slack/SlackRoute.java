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

  /** This route with its handler behind the gate: a refused user is told why, nothing runs. */
  SlackRoute gated(SlackGate gate);

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

    public SlackRoute gated(SlackGate gate) {
      return new Command(command, (req, ctx) -> {
        String refusal = gate.refusal(req.getPayload().getUserId(),
            SlackGate.commandAction(req.getPayload().getText()));
        return refusal == null ? handler.apply(req, ctx) : ctx.ack(":no_entry: " + refusal);
      });
    }
  }

  record Shortcut(String callbackId, GlobalShortcutHandler handler) implements SlackRoute {
    public void register(App app) {
      app.globalShortcut(callbackId, handler);
    }

    public String key() {
      return "shortcut " + callbackId;
    }

    public SlackRoute gated(SlackGate gate) {
      return new Shortcut(callbackId, (req, ctx) -> {
        String user = req.getPayload().getUser() == null ? null
            : req.getPayload().getUser().getId();
        String refusal = gate.refusal(user, SlackGate.idAction(callbackId));
        if (refusal == null) {
          return handler.apply(req, ctx);
        }
        SlackGate.tell(ctx, user, refusal);
        return ctx.ack();
      });
    }
  }

  record Submission(String callbackId, ViewSubmissionHandler handler) implements SlackRoute {
    public void register(App app) {
      app.viewSubmission(callbackId, handler);
    }

    public String key() {
      return "view_submission " + callbackId;
    }

    public SlackRoute gated(SlackGate gate) {
      return new Submission(callbackId, (req, ctx) -> {
        String user = req.getPayload().getUser() == null ? null
            : req.getPayload().getUser().getId();
        String refusal = gate.refusal(user, SlackGate.idAction(callbackId));
        if (refusal == null) {
          return handler.apply(req, ctx);
        }
        SlackGate.tell(ctx, user, refusal);
        return ctx.ack();
      });
    }
  }

  record Button(Pattern actionId, BlockActionHandler handler) implements SlackRoute {
    public void register(App app) {
      app.blockAction(actionId, handler);
    }

    public String key() {
      return "block_action " + actionId.pattern();
    }

    public SlackRoute gated(SlackGate gate) {
      return new Button(actionId, (req, ctx) -> {
        var payload = req.getPayload();
        String user = payload.getUser() == null ? null : payload.getUser().getId();
        String id = payload.getActions() == null || payload.getActions().isEmpty() ? null
            : payload.getActions().get(0).getActionId();
        String refusal = gate.refusal(user, SlackGate.idAction(id));
        if (refusal == null) {
          return handler.apply(req, ctx);
        }
        if (ctx.getResponseUrl() == null) {
          SlackGate.tell(ctx, user, refusal);
          return ctx.ack();
        }
        return SlackAnswers.reply(ctx, ":no_entry: " + refusal);
      });
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

    public SlackRoute gated(SlackGate gate) {
      return new Event<>(type, (payload, ctx) -> {
        E event = payload.getEvent();
        String user = SlackGate.eventUser(event);
        String refusal = gate.refusal(user, SlackGate.eventAction(event));
        if (refusal == null) {
          return handler.apply(payload, ctx);
        }
        SlackGate.tell(ctx, user, refusal);
        return ctx.ack();
      });
    }
  }
}
