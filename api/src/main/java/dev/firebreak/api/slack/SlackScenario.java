package dev.firebreak.api.slack;

import java.util.List;

/**
 * One interaction of the Slack app (a subcommand's dispatch, a modal's submission, a button, an
 * event) in a class of its own, which says which requests reach it. Adding one to Slack is a new
 * {@code @Component} implementing this (or {@link dev.firebreak.api.slack.scenarios.Subcommand}
 * for an {@code /incident} subcommand); nothing else changes.
 */
public interface SlackScenario {

  /** The requests this scenario answers. */
  List<SlackRoute> routes();
}
