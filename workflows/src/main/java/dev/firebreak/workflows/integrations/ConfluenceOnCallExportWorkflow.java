package dev.firebreak.workflows.integrations;

import dev.firebreak.workflows.integrations.messages.SyncReport;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Rewrites the Confluence on-call page from the synced on-calls. */
@WorkflowInterface
public interface ConfluenceOnCallExportWorkflow {

  String ON_DEMAND_ID = "confluence-oncall-export";

  @WorkflowMethod
  SyncReport exportOnCall();
}
