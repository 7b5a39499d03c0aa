package dev.firebreak.activities.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.activities.integrations.confluence.ConfluenceSettings;
import dev.firebreak.activities.integrations.pagerduty.PagerDutySettings;
import dev.firebreak.activities.slack.SlackSettings;
import dev.firebreak.activities.sync.SyncScheduler.Job;
import dev.firebreak.workflows.TaskQueues;
import dev.firebreak.workflows.integrations.ConfluenceOnCallExportWorkflow;
import dev.firebreak.workflows.integrations.PagerDutySyncWorkflow;
import dev.firebreak.workflows.slack.SlackSyncWorkflow;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one bootstrapper of periodic work: which jobs each configuration gives, and the Temporal
 * Schedule each becomes. (Creating them on a real server: IntegrationsEndToEndTest and
 * SyncTimerLoopTest.)
 */
class SyncSchedulerTest {

  static SyncScheduler scheduler(boolean pagerDuty, boolean confluence, boolean slack) {
    return new SyncScheduler(null, null,
        new PagerDutySettings(pagerDuty, "key", "ops@example.com", "http://localhost:1"),
        new ConfluenceSettings(confluence, "http://localhost:1", "u", "t", "4242", null, null),
        new SlackSettings(slack ? "xoxb-1" : "", slack ? "secret" : "", "http://localhost:1/",
            "", "/incident", List.of(), 0, List.of()),
        "default", true, Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofMinutes(30));
  }

  @Test
  void everyEnabledSyncIsAJob() {
    assertThat(scheduler(false, false, false).jobs()).isEmpty();

    List<Job> jobs = scheduler(true, true, true).jobs();

    assertThat(jobs).extracting(Job::scheduleId).containsExactly(
        SyncScheduler.PAGERDUTY_SCHEDULE, SyncScheduler.CONFLUENCE_SCHEDULE,
        SlackSyncWorkflow.SCHEDULE_ID);
    assertThat(jobs.get(0)).isEqualTo(new Job(SyncScheduler.PAGERDUTY_SCHEDULE,
        PagerDutySyncWorkflow.class, SyncScheduler.PAGERDUTY_SCHEDULE, TaskQueues.INTEGRATIONS,
        Duration.ofMinutes(5), false, true));
    assertThat(jobs.get(1).workflow()).isEqualTo(ConfluenceOnCallExportWorkflow.class);
    assertThat(jobs.get(1).period()).isEqualTo(Duration.ofHours(1));
    // Slack's sync runs on the incidents queue, at once when created, and without a timer loop
    // (the loop starts its children on the integrations queue)
    assertThat(jobs.get(2)).isEqualTo(new Job(SlackSyncWorkflow.SCHEDULE_ID,
        SlackSyncWorkflow.class, "slack-sync-scheduled", TaskQueues.INCIDENTS,
        Duration.ofMinutes(30), true, false));
  }

  @Test
  void aJobBecomesASkippingIntervalScheduleOfItsTypedWorkflow() {
    Job slack = scheduler(false, false, true).jobs().get(0);

    Schedule schedule = SyncScheduler.schedule(slack);

    ScheduleActionStartWorkflow action = (ScheduleActionStartWorkflow) schedule.getAction();
    assertThat(action.getWorkflowType()).isEqualTo("SlackSyncWorkflow");
    assertThat(action.getOptions().getWorkflowId()).isEqualTo("slack-sync-scheduled");
    assertThat(action.getOptions().getTaskQueue()).isEqualTo(TaskQueues.INCIDENTS);
    assertThat(schedule.getSpec().getIntervals().get(0).getEvery())
        .isEqualTo(Duration.ofMinutes(30));
    assertThat(schedule.getPolicy().getOverlap().name()).isEqualTo("SCHEDULE_OVERLAP_POLICY_SKIP");
    assertThat(slack.workflowType()).isEqualTo("SlackSyncWorkflow");
  }
}
