package dev.firebreak.workflows.heartbeat;

import dev.firebreak.workflows.Retries;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;

public class HeartbeatMonitorWorkflowImpl implements HeartbeatMonitorWorkflow {

  /** Pings one run takes before it continues as new: a few thousand history events at most. */
  static int pingsPerRun = 500;

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
          activities.recovered(monitor);
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
          activities.missed(monitor, lastPingMillis);
          down = true;
          continue;
        }
      }
      changed = false;
      if (unseenPings > 0) {
        pingsThisRun += unseenPings;
        unseenPings = 0;
        if (down) {
          activities.recovered(monitor);
          down = false;
        }
      }
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
