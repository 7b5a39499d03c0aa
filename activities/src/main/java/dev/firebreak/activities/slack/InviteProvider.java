package dev.firebreak.activities.slack;

import dev.firebreak.workflows.slack.InviteRequest;
import java.util.List;

/**
 * One source of people to invite into an incident's channel. Adding a provider is one Spring bean
 * implementing this interface: the {@code InviteWorkflow} asks every provider at once, merges
 * what they answer and invites each person once. A provider that throws is noted on the
 * incident's timeline; the others still count.
 */
public interface InviteProvider {

  /** A short, stable name, shown on the timeline when the provider fails. */
  String name();

  /** The Slack user ids to invite; empty when the provider has nobody for this incident. */
  List<String> responders(InviteRequest request);
}
