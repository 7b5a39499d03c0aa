package dev.firebreak.activities.sync;

import dev.firebreak.activities.integrations.confluence.ConfluenceSettings;
import dev.firebreak.activities.integrations.pagerduty.PagerDutySettings;
import dev.firebreak.activities.slack.SlackSettings;
import dev.firebreak.workflows.TaskQueues;
import dev.firebreak.workflows.integrations.ConfluenceOnCallExportWorkflow;
import dev.firebreak.workflows.integrations.PagerDutySyncWorkflow;
import dev.firebreak.workflows.integrations.SyncLoopWorkflow;
import dev.firebreak.workflows.integrations.messages.SyncLoop;
import dev.firebreak.workflows.slack.SlackSyncWorkflow;
import io.grpc.Status;
import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
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
import io.temporal.client.schedules.ScheduleUpdate;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one bootstrapper of Firebreak's periodic work (PagerDuty sync, Confluence on-call export,
 * Slack directory sync): when the application is ready each enabled job becomes a Temporal
 * Schedule, created, or updated to the configured period when it exists (keeping the paused state
 * an operator set in Temporal UI). Where the server has no Schedules (Temporal's in-process server
 * answers UNIMPLEMENTED), an integration sync runs in a {@link SyncLoopWorkflow} instead (run,
 * sleep, continue as new); the Slack sync then runs on demand only ({@code POST
 * /api/v1/slack/sync}), since the loop starts its children on the integrations task queue.
 */
@Component
public class SyncScheduler {

  private static final Logger log = LoggerFactory.getLogger(SyncScheduler.class);

  /**
   * A periodic job: the schedule id, the workflow it starts (with that id and task queue), its
   * period; {@code triggerImmediately} runs it once at creation; {@code loopWithoutSchedules}
   * falls back to a timer loop workflow where the server has no Schedules.
   */
  public record Job(
      String scheduleId, Class<?> workflow, String workflowId, String taskQueue, Duration period,
      boolean triggerImmediately, boolean loopWithoutSchedules) {

    /** A sync on the integrations task queue whose runs are named after the schedule. */
    public static Job integration(String scheduleId, Class<?> workflow, Duration period) {
      return new Job(scheduleId, workflow, scheduleId, TaskQueues.INTEGRATIONS, period, false,
          true);
    }

    /** The workflow type name, as Temporal knows it (the interface's simple name). */
    public String workflowType() {
      return workflow.getSimpleName();
    }
  }

  /** How a job was set up: as a Temporal Schedule or as a timer loop workflow. */
  public enum Mode { SCHEDULE, TIMER_LOOP, FAILED }

  public record Outcome(Job job, Mode mode) {}

  public static final String PAGERDUTY_SCHEDULE = "firebreak-pagerduty-sync";
  public static final String CONFLUENCE_SCHEDULE = "firebreak-confluence-oncall-export";

  private final WorkflowServiceStubs stubs;
  private final WorkflowClient client;
  private final String namespace;
  private final boolean enabled;
  private final List<Job> jobs = new ArrayList<>();
  private volatile List<Outcome> outcomes = List.of();

  public SyncScheduler(
      WorkflowServiceStubs stubs,
      WorkflowClient client,
      PagerDutySettings pagerDuty,
      ConfluenceSettings confluence,
      SlackSettings slack,
      @Value("${spring.temporal.namespace:default}") String namespace,
      @Value("${firebreak.sync.schedules:true}") boolean enabled,
      @Value("${firebreak.sync.pagerduty.period:5m}") Duration pagerDutyPeriod,
      @Value("${firebreak.sync.confluence-oncall.period:1h}") Duration confluencePeriod,
      @Value("${firebreak.slack.sync-interval:1h}") Duration slackPeriod) {
    this.stubs = stubs;
    this.client = client;
    this.namespace = namespace;
    this.enabled = enabled;
    if (pagerDuty.enabled()) {
      jobs.add(Job.integration(PAGERDUTY_SCHEDULE, PagerDutySyncWorkflow.class, pagerDutyPeriod));
    }
    if (confluence.onCallExportEnabled()) {
      jobs.add(Job.integration(CONFLUENCE_SCHEDULE, ConfluenceOnCallExportWorkflow.class,
          confluencePeriod));
    }
    if (slack.enabled()) {
      jobs.add(new Job(SlackSyncWorkflow.SCHEDULE_ID, SlackSyncWorkflow.class,
          SlackSyncWorkflow.SCHEDULE_ID + "-scheduled", TaskQueues.INCIDENTS, slackPeriod, true,
          false));
    }
  }

  public List<Job> jobs() {
    return List.copyOf(jobs);
  }

  /** How each job was set up at startup. */
  public List<Outcome> outcomes() {
    return outcomes;
  }

  /** The outcomes of the jobs on the integrations task queue (PagerDuty, Confluence). */
  public List<Outcome> integrationOutcomes() {
    return outcomes.stream()
        .filter(o -> o.job().taskQueue().equals(TaskQueues.INTEGRATIONS))
        .toList();
  }

  @EventListener(ApplicationReadyEvent.class)
  public void ready() {
    if (!enabled || jobs.isEmpty()) {
      return;
    }
    ScheduleClient schedules = ScheduleClient.newInstance(
        stubs, ScheduleClientOptions.newBuilder().setNamespace(namespace).build());
    List<Outcome> done = new ArrayList<>();
    for (Job job : jobs) {
      done.add(new Outcome(job, setUp(schedules, job)));
    }
    outcomes = List.copyOf(done);
  }

  public Mode setUp(ScheduleClient schedules, Job job) {
    Schedule schedule = schedule(job);
    try {
      try {
        schedules.createSchedule(job.scheduleId(), schedule,
            ScheduleOptions.newBuilder().setTriggerImmediately(job.triggerImmediately()).build());
        log.info("Temporal Schedule {} created: {} every {}", job.scheduleId(),
            job.workflowType(), job.period());
      } catch (ScheduleAlreadyRunningException exists) {
        schedules.getHandle(job.scheduleId()).update(input -> {
          // keep the state (paused or not) an operator set in Temporal UI
          return new ScheduleUpdate(Schedule.newBuilder(schedule)
              .setState(input.getDescription().getSchedule().getState())
              .build());
        });
        log.info("Temporal Schedule {} updated: {} every {}", job.scheduleId(),
            job.workflowType(), job.period());
      }
      return Mode.SCHEDULE;
    } catch (RuntimeException e) {
      if (!unimplemented(e) || !job.loopWithoutSchedules()) {
        log.warn("cannot set up the Temporal Schedule {} ({}): {} runs on demand only",
            job.scheduleId(), e.getMessage(), job.workflowType());
        return Mode.FAILED;
      }
    }
    return startLoop(job);
  }

  private Mode startLoop(Job job) {
    String id = "sync-loop-" + job.scheduleId();
    SyncLoopWorkflow loop = client.newWorkflowStub(SyncLoopWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(id)
            .setTaskQueue(TaskQueues.INTEGRATIONS)
            .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
            .build());
    try {
      WorkflowClient.start(loop::loop, new SyncLoop(job.workflowType(), job.period(), 1));
      log.info("this Temporal server has no Schedules: {} runs every {} in workflow {}",
          job.workflowType(), job.period(), id);
    } catch (WorkflowExecutionAlreadyStarted running) {
      log.info("sync loop {} is already running", id);
    }
    return Mode.TIMER_LOOP;
  }

  static Schedule schedule(Job job) {
    return Schedule.newBuilder()
        .setAction(ScheduleActionStartWorkflow.newBuilder()
            .setWorkflowType(job.workflow())
            .setOptions(WorkflowOptions.newBuilder()
                .setWorkflowId(job.workflowId())
                .setTaskQueue(job.taskQueue())
                .build())
            .build())
        .setSpec(ScheduleSpec.newBuilder()
            .setIntervals(List.of(new ScheduleIntervalSpec(job.period())))
            .build())
        .setPolicy(SchedulePolicy.newBuilder()
            .setOverlap(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP)
            .build())
        .build();
  }

  static boolean unimplemented(Throwable e) {
    return dev.firebreak.workflows.Failures.grpcCode(e)
        .filter(code -> code == Status.Code.UNIMPLEMENTED).isPresent();
  }
}
