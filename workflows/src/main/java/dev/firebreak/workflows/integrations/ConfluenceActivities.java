package dev.firebreak.workflows.integrations;

import dev.firebreak.workflows.integrations.messages.PostmortemPage;
import dev.firebreak.workflows.integrations.messages.SyncReport;
import dev.firebreak.workflows.incident.messages.Incident;
import io.temporal.activity.ActivityInterface;

/** Confluence side effects; runs on the integrations task queue. */
@ActivityInterface
public interface ConfluenceActivities {

  /**
   * Creates the incident's postmortem page, or finds it by title in the postmortem space, and
   * keeps its link on the incident's read model.
   */
  PostmortemPage createPostmortemPage(Incident incident);

  /** Rewrites the on-call page with the current on-call per escalation policy and level. */
  SyncReport exportOnCallPage();
}
