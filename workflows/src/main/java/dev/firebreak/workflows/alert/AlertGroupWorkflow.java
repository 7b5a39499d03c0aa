package dev.firebreak.workflows.alert;

import dev.firebreak.workflows.alert.messages.AlertBatch;
import dev.firebreak.workflows.alert.messages.AlertGroup;
import dev.firebreak.workflows.alert.messages.AlertGroupRun;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The alert groups of one (service, dedup key), workflow id {@link #workflowId}. A run holds the
 * open group: repeated triggers count, acknowledge and resolve change its status. When the group
 * resolves the run ends, or continues as new with the events that came after the resolve, which
 * open the next group. The API reaches it with signal-with-start for batches that trigger and
 * with a plain signal otherwise, so an acknowledge or resolve without an open group is ignored.
 */
@WorkflowInterface
public interface AlertGroupWorkflow {

  /** {@code alert-<serviceId>-<first 16 hex of SHA-256(dedupKey)>}: short, stable, readable. */
  static String workflowId(long serviceId, String dedupKey) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(dedupKey.getBytes(StandardCharsets.UTF_8));
      return "alert-" + serviceId + "-" + HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @WorkflowMethod
  AlertGroup run(AlertGroupRun run);

  /** Events in arrival order; a batch id seen before is ignored. */
  @SignalMethod
  void events(AlertBatch batch);

  /** The open group, the last one when resolved, or null when none was opened. */
  @QueryMethod
  AlertGroup group();
}
