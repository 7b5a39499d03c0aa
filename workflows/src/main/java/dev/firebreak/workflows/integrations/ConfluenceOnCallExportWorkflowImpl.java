package dev.firebreak.workflows.integrations;

import dev.firebreak.workflows.Retries;
import dev.firebreak.workflows.integrations.messages.SyncReport;
import io.temporal.workflow.Workflow;
import org.slf4j.Logger;

public class ConfluenceOnCallExportWorkflowImpl implements ConfluenceOnCallExportWorkflow {

  private static final Logger log = Workflow.getLogger(ConfluenceOnCallExportWorkflowImpl.class);

  private final ConfluenceActivities confluence =
      Workflow.newActivityStub(ConfluenceActivities.class, Retries.syncStep());

  @Override
  public SyncReport exportOnCall() {
    SyncReport report = confluence.exportOnCallPage();
    log.info("Confluence on-call export done: {}", report.summary());
    return report;
  }
}
