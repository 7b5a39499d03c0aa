package dev.firebreak.api.slack;

import dev.firebreak.activities.slack.SlackSettings;
import dev.firebreak.workflows.TaskQueues;
import dev.firebreak.workflows.slack.SlackSyncWorkflow;
import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleAlreadyRunningException;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;
import io.temporal.client.schedules.ScheduleIntervalSpec;
import io.temporal.client.schedules.ScheduleOptions;
import io.temporal.client.schedules.SchedulePolicy;
import io.temporal.client.schedules.ScheduleSpec;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes sure the Temporal Schedule {@code slack-sync} exists when Slack is configured: it runs the
 * {@link SlackSyncWorkflow} every {@code firebreak.slack.sync-interval} (skipping a run while the
 * previous one is still going). Temporal's in-process server has no Schedules: there the log says
 * so and the sync runs on demand ({@code POST /api/v1/slack/sync}).
 */
@Component
public class SlackSyncSchedule {

  private static final Logger log = LoggerFactory.getLogger(SlackSyncSchedule.class);

  private final SlackSettings settings;
  private final WorkflowServiceStubs stubs;
  private final String namespace;
  private final Duration interval;

  public SlackSyncSchedule(SlackSettings settings, WorkflowServiceStubs stubs,
      @Value("${spring.temporal.namespace:default}") String namespace,
      @Value("${firebreak.slack.sync-interval:1h}") Duration interval) {
    this.settings = settings;
    this.stubs = stubs;
    this.namespace = namespace;
    this.interval = interval;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void ensure() {
    if (!settings.enabled()) {
      return;
    }
    ScheduleClient schedules = ScheduleClient.newInstance(stubs,
        ScheduleClientOptions.newBuilder().setNamespace(namespace).build());
    Schedule schedule = Schedule.newBuilder()
        .setAction(ScheduleActionStartWorkflow.newBuilder()
            .setWorkflowType(SlackSyncWorkflow.class)
            .setOptions(WorkflowOptions.newBuilder()
                .setWorkflowId(SlackSyncWorkflow.SCHEDULE_ID + "-scheduled")
                .setTaskQueue(TaskQueues.INCIDENTS)
                .build())
            .build())
        .setSpec(ScheduleSpec.newBuilder()
            .setIntervals(List.of(new ScheduleIntervalSpec(interval)))
            .build())
        .setPolicy(SchedulePolicy.newBuilder()
            .setOverlap(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP)
            .build())
        .build();
    try {
      schedules.createSchedule(SlackSyncWorkflow.SCHEDULE_ID, schedule,
          ScheduleOptions.newBuilder().setTriggerImmediately(true).build());
      log.info("Temporal Schedule {} created: Slack sync every {}", SlackSyncWorkflow.SCHEDULE_ID,
          interval);
    } catch (ScheduleAlreadyRunningException exists) {
      log.info("Temporal Schedule {} exists", SlackSyncWorkflow.SCHEDULE_ID);
    } catch (RuntimeException unavailable) {
      log.warn("cannot create the Temporal Schedule {} ({}): Slack's users, user groups and"
              + " conversations sync only on demand (POST /api/v1/slack/sync)",
          SlackSyncWorkflow.SCHEDULE_ID, unavailable.getMessage());
    }
  }
}
