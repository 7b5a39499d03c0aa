package dev.firebreak.workflows.heartbeat;

import dev.firebreak.workflows.Catching;
import dev.firebreak.workflows.Retries;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import org.slf4j.Logger;

public class HeartbeatMonitorWorkflowImpl implements HeartbeatMonitorWorkflow {

  /** Pings one run takes before it continues as new: a few thousand history events at most. */
  static int pingsPerRun = 500;

  /** Version 1 survives a miss or recovery activity that failed for good. */
  static final String CATCH = "heartbeat-catch";

  private static final Logger log = Workflow.getLogger(HeartbeatMonitorWorkflowImpl.class);

  private final HeartbeatActivities activities =
      Workflow.newActivityStub(
          HeartbeatActivities.class, Retries.untilDone(Duration.ofSeconds(30)));

  private final HeartbeatMonitor monitor;
  private boolean muted;
  private boolean down;
  private long lastPingMillis;
  private long pings;
  private int pingsThisRun;
  private int unseenPings;
  private boolean changed;
  private boolean stopped;

  @WorkflowInit
  public HeartbeatMonitorWorkflowImpl(HeartbeatRun run) {
    this.monitor = run.monitor();
    this.muted = run.muted();
    this.down = run.down();
    this.lastPingMillis = run.lastPingMillis();
    this.pings = run.pings();
  }

  @Override
  public void run(HeartbeatRun run) {
    if (lastPingMillis == 0) {
      lastPingMillis = Workflow.currentTimeMillis();
    }
    while (true) {
      if (stopped) {
        if (down) {
          tell(() -> activities.recovered(monitor));
        }
        return;
      }
      if (pingsThisRun >= pingsPerRun || Workflow.getInfo().isContinueAsNewSuggested()) {
        Workflow.await(Workflow::isEveryHandlerFinished);
        Workflow.continueAsNew(new HeartbeatRun(monitor, muted, down, lastPingMillis, pings));
      }
      if (down || muted) {
        Workflow.await(() -> unseenPings > 0 || changed || stopped);
      } else {
        long remaining = lastPingMillis + monitor.deadlineMillis() - Workflow.currentTimeMillis();
        boolean woken = remaining > 0
            && Workflow.await(Duration.ofMillis(remaining),
                () -> unseenPings > 0 || changed || stopped);
        if (!woken) {
          long since = lastPingMillis;
          tell(() -> activities.missed(monitor, since));
          down = true;
          continue;
        }
      }
      changed = false;
      if (unseenPings > 0) {
        pingsThisRun += unseenPings;
        unseenPings = 0;
        if (down) {
          tell(() -> activities.recovered(monitor));
          down = false;
        }
      }
    }
  }

  /**
   * Runs a miss or recovery activity; one that failed for good is logged and the monitor goes on
   * watching (version {@link #CATCH} 1), since a monitor that ends stops watching for ever.
   */
  private void tell(Runnable activity) {
    try {
      activity.run();
    } catch (ActivityFailure failed) {
      log.warn("heartbeat monitor {}: {}", Workflow.getInfo().getWorkflowId(),
          Catching.orRethrow(CATCH, failed));
    }
  }

  @Override
  public void ping() {
    lastPingMillis = Workflow.currentTimeMillis();
    pings++;
    unseenPings++;
  }

  @Override
  public void mute(boolean muted) {
    if (this.muted && !muted) {
      lastPingMillis = Workflow.currentTimeMillis(); // unmuting re-arms a full interval
    }
    this.muted = muted;
    changed = true;
  }

  @Override
  public void stop() {
    stopped = true;
  }

  @Override
  public String state() {
    return muted ? "MUTED" : down ? "DOWN" : "UP";
  }
}
