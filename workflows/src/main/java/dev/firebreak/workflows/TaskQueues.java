package dev.firebreak.workflows;

/** Task queue names shared by the workers and the clients that start workflows. */
public final class TaskQueues {

  /** Incident lifecycles and their store projection. */
  public static final String INCIDENTS = "firebreak-incidents";

  /** Alert groups and heartbeat monitors: the signals coming in. */
  public static final String ALERTS = "firebreak-alerts";

  /** Calls to PagerDuty, Jira and Confluence, and the scheduled syncs. */
  public static final String INTEGRATIONS = "firebreak-integrations";

  /** Escalations, on-call lookups and notifications. */
  public static final String ONCALL = "firebreak-oncall";

  private TaskQueues() {}
}
