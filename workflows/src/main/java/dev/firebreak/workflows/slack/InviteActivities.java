package dev.firebreak.workflows.slack;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/**
 * The invite providers, as activities: {@link #providers()} names them (in a stable order) and
 * {@link #responders} asks one of them whom to invite. A new provider is one class in the
 * activities module; the workflow does not change.
 */
@ActivityInterface
public interface InviteActivities {

  List<String> providers();

  /** The Slack user ids the named provider wants in the incident's channel. */
  List<String> responders(String provider, InviteRequest request);

  /** Invites the users into the channel; returns those who were invited or already there. */
  List<String> invite(String channelId, List<String> userIds);
}
