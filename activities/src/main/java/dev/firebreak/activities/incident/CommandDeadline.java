package dev.firebreak.activities.incident;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs a Temporal call with a deadline. A blocking update waits for a workflow task, and with no
 * worker or a slow server that wait has no end: a caller (an HTTP request, a Slack handler) gets
 * {@link CommandTimedOut} instead, and the thread left waiting is interrupted.
 */
@Component
public class CommandDeadline implements DisposableBean {

  private static final int MAX_WAITING = 64;

  private final Duration deadline;
  private final ThreadPoolExecutor waiters;

  public CommandDeadline(
      @Value("${firebreak.commands.update-timeout:10s}") Duration deadline) {
    this.deadline = deadline;
    AtomicInteger n = new AtomicInteger();
    this.waiters = new ThreadPoolExecutor(0, MAX_WAITING, 60, TimeUnit.SECONDS,
        new SynchronousQueue<>(), r -> {
          Thread thread = new Thread(r, "incident-command-" + n.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  public Duration deadline() {
    return deadline;
  }

  /** {@code call}'s result; {@link CommandTimedOut} once the deadline passed (or too many wait). */
  public <T> T call(String what, Callable<T> call) {
    Future<T> future;
    try {
      future = waiters.submit(call);
    } catch (RejectedExecutionException busy) {
      throw new CommandTimedOut(
          "too many commands are waiting for Temporal; retry later: " + what);
    }
    try {
      return future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException late) {
      future.cancel(true);
      throw new CommandTimedOut(what, deadline);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new CommandTimedOut(what, deadline);
    }
  }

  @Override
  public void destroy() {
    waiters.shutdownNow();
  }
}
