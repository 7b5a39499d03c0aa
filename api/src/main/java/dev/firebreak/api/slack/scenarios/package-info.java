/**
 * The Slack app's interactions, one class each, on the model of Grafana OnCall's
 * {@code apps/slack/scenarios}: a {@link dev.firebreak.api.slack.SlackScenario} declares the
 * requests it answers ({@link dev.firebreak.api.slack.SlackRoute}: a command, a shortcut, a modal
 * submission, a button, an event) and {@link dev.firebreak.api.slack.SlackRouter} registers them
 * all on Bolt. An {@code /incident} subcommand is a {@link Subcommand} that
 * {@link IncidentCommand} dispatches to, listed in the help in {@code @Order}.
 *
 * <p>To add one: a {@code @Component} here implementing {@code Subcommand} or
 * {@code SlackScenario}, and a test fed with a real Bolt request through {@code BoltHarness}.
 * Scenarios only translate: Slack's payload into a call of {@link
 * dev.firebreak.api.slack.SlackIncidents} (or another application service), and its result or
 * refusal back into Slack's answer.
 */
package dev.firebreak.api.slack.scenarios;
