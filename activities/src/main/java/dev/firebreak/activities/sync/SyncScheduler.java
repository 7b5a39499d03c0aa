package dev.firebreak.api.sync;

import dev.firebreak.activities.integrations.confluence.ConfluenceSettings;
import dev.firebreak.activities.integrations.pagerduty.PagerDutySettings;
import dev.firebreak.workflows.TaskQueues;
import dev.firebreak.workflows.integrations.SyncLoopWorkflow;
import dev.firebreak.workflows.integrations.messages.SyncLoop;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
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
 * Makes every enabled periodic sync a Temporal Schedule when the application is ready: created,
 * or updated to the configured period when it exists, so it shows (and can be paused) in Temporal
 * UI. Where the server has no Schedules (Temporal's in-process server answers UNIMPLEMENTED), the
 * same sync workflow runs in a {@link SyncLoopWorkflow} instead: run, sleep, continue as new.
 */
@Component
public class SyncScheduler {

  private static final Logger log = LoggerFactory.getLogger(SyncScheduler.class);

  /** A periodic job: the schedule id, the workflow type it starts, its period. */
  public record Job(String scheduleId, String workflowType, Duration period) {}

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
      @Value("${spring.temporal.namespace:default}") String namespace,
      @Value("${firebreak.sync.schedules:true}") boolean enabled,
      @Value("${firebreak.sync.pagerduty.period:5m}") Duration pagerDutyPeriod,
      @Value("${firebreak.sync.confluence-oncall.period:1h}") Duration confluencePeriod) {
    this.stubs = stubs;
    this.client = client;
    this.namespace = namespace;
    this.enabled = enabled;
    if (pagerDuty.enabled()) {
      jobs.add(new Job(PAGERDUTY_SCHEDULE, "PagerDutySyncWorkflow", pagerDutyPeriod));
    }
    if (confluence.onCallExportEnabled()) {
      jobs.add(new Job(CONFLUENCE_SCHEDULE, "ConfluenceOnCallExportWorkflow", confluencePeriod));
    }
  }

  public List<Job> jobs() {
    return List.copyOf(jobs);
  }

  /** How each job was set up at startup. */
  public List<Outcome> outcomes() {
    return outcomes;
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
        schedules.createSchedule(job.scheduleId(), schedule, ScheduleOptions.newBuilder().build());
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
      if (!unimplemented(e)) {
        log.warn("cannot set up Temporal Schedule {}: {}", job.scheduleId(), e.toString());
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
            .setWorkflowType(job.workflowType())
            .setOptions(WorkflowOptions.newBuilder()
                .setWorkflowId(job.scheduleId())
                .setTaskQueue(TaskQueues.INTEGRATIONS)
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
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException grpc
          && grpc.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
