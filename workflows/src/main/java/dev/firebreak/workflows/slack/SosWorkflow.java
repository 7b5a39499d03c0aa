package dev.firebreak.workflows.slack;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * Calls the configured SOS targets for help ({@code /incident sos}): a user group is mentioned in
 * the channel the call came from, a channel gets a message pointing there. Id {@code sos-<slack
 * trigger>}, so a repeated request calls once.
 */
@WorkflowInterface
public interface SosWorkflow {

  @WorkflowMethod
  int call(SosRequest request);

  /**
   * @param fromChannelId where help is needed (an incident's channel, usually)
   * @param targets user group ids ({@code S...}) and channel ids ({@code C...}, {@code G...})
   */
  record SosRequest(String fromChannelId, Long incidentId, List<String> targets, String message,
      String author, String key) {}
}
