package dev.firebreak.workflows.slack;

import dev.firebreak.workflows.Retries;
import dev.firebreak.workflows.TaskQueues;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.Status;
import dev.firebreak.workflows.incident.messages.TimelineEntry;
import dev.firebreak.workflows.incident.messages.TimelineKind;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Slack part of one incident workflow run, kept out of the lifecycle's code: an outbox the
 * workflow's update handlers fill and its main loop drains, so a change is answered without
 * waiting for Slack and Slack is told in order. P1 to P3 incidents get a channel (when first
 * seen at that priority), an announcement and an {@link InviteWorkflow} child; their status,
 * role and detail changes are posted in the channel. A Slack failure becomes a timeline note.
 *
 * <p>Workflow code: deterministic, no I/O except through activities and the child workflow.
 */
public final class IncidentSlack {

  /** The {@code Workflow.getVersion} change id that introduced Slack into incident workflows. */
  public static final String CHANGE_ID = "slack-channel";

  private static final Set<TimelineKind> POSTED =
      EnumSet.of(TimelineKind.STATUS_CHANGED, TimelineKind.ROLES_CHANGED,
          TimelineKind.DETAILS_CHANGED);

  private final SlackIncidentActivities slack =
      Workflow.newActivityStub(SlackIncidentActivities.class, Retries.slackNotice());

  private final List<TimelineEntry> outbox = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private IncidentChannel channel;
  private boolean channelFailed;
  private Promise<InviteResult> invite;

  /** Called by the workflow after each committed change. */
  public void record(TimelineEntry entry) {
    outbox.add(entry);
  }

  /** Whether {@link #drain} has something to do; safe in an await condition. */
  public boolean hasWork() {
    return !outbox.isEmpty() || !notes.isEmpty();
  }

  public IncidentChannel channel() {
    return channel;
  }

  /**
   * Tells Slack what the outbox holds, then hands notes (Slack failures) to {@code note}, which
   * puts them on the timeline.
   */
  public void drain(Incident current, Consumer<String> note) {
    while (!outbox.isEmpty()) {
      TimelineEntry entry = outbox.remove(0);
      if (channel == null) {
        openChannelIfDue(current);
      }
      if (channel != null && POSTED.contains(entry.kind())) {
        String text = entry.message() + (entry.author() == null ? "" : " (by " + entry.author() + ")");
        try {
          slack.post(channel.channelId(), text,
              "incident-" + entry.incidentId() + "-timeline-" + entry.seq());
        } catch (ActivityFailure failed) {
          notes.add("Slack: could not post in #" + channel.name() + ": " + reason(failed));
        }
      }
    }
    while (!notes.isEmpty()) {
      note.accept(notes.remove(0));
    }
  }

  /** Waits for the invitations to finish, then drains what is left. */
  public void finish(Incident current, Consumer<String> note) {
    if (invite != null) {
      Workflow.await(invite::isCompleted);
    }
    drain(current, note);
  }

  private void openChannelIfDue(Incident incident) {
    if (channelFailed || incident.status() == Status.CLOSED || incident.priority().level() > 3) {
      return;
    }
    try {
      channel = slack.openChannel(incident);
    } catch (ActivityFailure failed) {
      channelFailed = true;
      notes.add("Slack: the incident channel could not be created: " + reason(failed));
      return;
    }
    try {
      slack.announce(incident, channel);
    } catch (ActivityFailure failed) {
      notes.add("Slack: the incident could not be announced: " + reason(failed));
    }
    InviteWorkflow invites =
        Workflow.newChildWorkflowStub(
            InviteWorkflow.class,
            ChildWorkflowOptions.newBuilder()
                .setWorkflowId(InviteWorkflow.workflowId(incident.id()))
                .setTaskQueue(TaskQueues.INCIDENTS)
                .build());
    invite =
        Async.function(invites::invite,
            new InviteRequest(incident.id(), incident.priority(), incident.environment(),
                incident.category(), incident.privateIncident(), channel.channelId(),
                incident.serviceId()));
    invite.handle((result, failure) -> {
      if (failure != null) {
        notes.add("Slack: inviting responders failed: " + failure.getMessage());
      } else {
        for (InviteResult.ProviderFailure failed : result.failures()) {
          notes.add("Slack: invite provider " + failed.provider() + " failed: " + failed.reason());
        }
      }
      return null;
    });
  }

  private static String reason(ActivityFailure failed) {
    return InviteWorkflowImpl.reason(failed);
  }
}
