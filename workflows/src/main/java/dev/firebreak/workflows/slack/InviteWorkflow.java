package dev.firebreak.workflows.slack;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Gathers an incident's responders from every invite provider at once, merges them and invites
 * each once into the incident's channel. A failing provider is reported, never fatal. A child of
 * the incident workflow, id {@code invite-<incidentId>}.
 */
@WorkflowInterface
public interface InviteWorkflow {

  static String workflowId(long incidentId) {
    return "invite-" + incidentId;
  }

  @WorkflowMethod
  InviteResult invite(InviteRequest request);
}
