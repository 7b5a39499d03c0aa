package dev.firebreak.workflows.slack;

import dev.firebreak.workflows.Retries;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import org.slf4j.Logger;

public class SosWorkflowImpl implements SosWorkflow {

  private static final Logger log = Workflow.getLogger(SosWorkflowImpl.class);

  private final SlackIncidentActivities slack =
      Workflow.newActivityStub(SlackIncidentActivities.class, Retries.sos());

  @Override
  public int call(SosRequest request) {
    String about = request.incidentId() == null ? "" : " for incident #" + request.incidentId();
    String why = request.message() == null || request.message().isBlank() ? ""
        : ": " + request.message();
    int called = 0;
    for (String target : request.targets()) {
      try {
        if (target.startsWith("S")) {
          slack.post(request.fromChannelId(), ":sos: <!subteam^" + target + "> help is needed"
              + about + why + " (asked by " + request.author() + ")", request.key() + "-" + target);
        } else {
          slack.post(target, ":sos: Help is needed in <#" + request.fromChannelId() + ">" + about
              + why + " (asked by " + request.author() + ")", request.key() + "-" + target);
        }
        called++;
      } catch (ActivityFailure failed) {
        log.warn("SOS to {} failed: {}", target, InviteWorkflowImpl.reason(failed));
      }
    }
    return called;
  }
}
