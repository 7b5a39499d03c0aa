package dev.firebreak.workflows.slack;

import dev.firebreak.workflows.incident.messages.Incident;
import io.temporal.activity.ActivityInterface;

/**
 * The Slack side effects of an incident. Each is idempotent: a retry finds what an earlier attempt
 * did (by the incident's channel row, or by the message key) instead of doing it twice.
 */
@ActivityInterface
public interface SlackIncidentActivities {

  /**
   * Creates the incident's channel {@code inc-<id>-<slugged-title>} (private for a private
   * incident), or finds the one an earlier attempt created, and pins the incident's summary in it.
   */
  IncidentChannel openChannel(Incident incident);

  /**
   * Announces a public incident in production in the channels tagged {@code tech_incidents}, and a
   * P1 in those tagged {@code it_deploy}; returns how many channels were told.
   */
  int announce(Incident incident, IncidentChannel channel);

  /** Posts {@code text} in a channel once per {@code key}. */
  void post(String channelId, String text, String key);
}
