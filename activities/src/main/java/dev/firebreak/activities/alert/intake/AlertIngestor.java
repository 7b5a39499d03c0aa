package dev.firebreak.activities.alert.intake;

import dev.firebreak.activities.alert.AlertDispatcher;
import dev.firebreak.workflows.alert.messages.AlertBatch;
import dev.firebreak.workflows.alert.messages.AlertEvent;
import dev.firebreak.workflows.alert.messages.AlertAction;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Deduplicates before it costs a workflow start: events are queued per (service, dedup key) and
 * sent as one batch per signal, consecutive triggers coalesced into one event with a count. A key
 * has one batch in flight (by default); what arrives meanwhile forms the next batch, so a storm of
 * thousands of events on a few keys becomes a few signals per round trip. Each event's future
 * completes only once Temporal has accepted the signal carrying it (true), or found no open group
 * for an acknowledge or resolve (false); it fails when Temporal refuses or cannot be reached, so
 * the caller answers 503 and nothing accepted is ever lost.
 *
 * <p>While Temporal cannot be reached, senders are told so at once: after a batch is refused for
 * that reason, queued events and new ones fail without a call for {@code
 * firebreak.outages.temporal-cooldown}, and an event whose caller stopped waiting (its future
 * cancelled) is never sent, so a 503 means the event was not recorded.
 */
@Component
public class AlertIngestor implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(AlertIngestor.class);

  private record LaneKey(long serviceId, String dedupKey) {}

  private record Pending(AlertEvent event, CompletableFuture<Boolean> done) {}

  /**
   * The queue of one key. By default one batch is in flight per key, which makes the most of
   * batching (see docs/benchmarks/event-storm.md); with {@code max-in-flight} above 1, batches of
   * triggers only may be in flight together: their counts add up in any order. A batch with an acknowledge or resolve is a
   * barrier: it starts when nothing is in flight, and nothing starts while it is.
   */
  private static final class Lane {
    final LaneKey key;
    final ArrayDeque<Pending> queue = new ArrayDeque<>();
    boolean scheduled;
    int inFlight;
    boolean barrier;
    boolean retired;

    Lane(LaneKey key) {
      this.key = key;
    }
  }

  private final AlertDispatcher dispatcher;
  private final int maxBatch;
  private final int maxInFlight;
  private final long lingerMillis;
  private final ConcurrentHashMap<LaneKey, Lane> lanes = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer;
  private final ExecutorService senders;
  private final AtomicLong signals = new AtomicLong();
  private final long cooldownMillis;
  /** Until when Temporal is taken to be unreachable (System.nanoTime()). */
  private volatile long unreachableUntil = System.nanoTime();
  private volatile RuntimeException lastRefusal;

  public AlertIngestor(
      AlertDispatcher dispatcher,
      @Value("${firebreak.alerts.batch.max-events:200}") int maxBatch,
      @Value("${firebreak.alerts.batch.max-in-flight:1}") int maxInFlight,
      @Value("${firebreak.alerts.batch.linger-ms:5}") long lingerMillis,
      @Value("${firebreak.alerts.batch.senders:128}") int senders,
      @Value("${firebreak.outages.temporal-cooldown:1s}") Duration cooldown) {
    this.dispatcher = dispatcher;
    this.maxBatch = maxBatch;
    this.maxInFlight = maxInFlight;
    this.lingerMillis = lingerMillis;
    this.cooldownMillis = cooldown.toMillis();
    this.timer = Executors.newSingleThreadScheduledExecutor(daemon("alert-batch-timer"));
    this.senders = Executors.newFixedThreadPool(senders, daemon("alert-batch-sender"));
  }

  /** Queues the event; the future completes once its batch is accepted, or fails. */
  public CompletableFuture<Boolean> submit(long serviceId, String dedupKey, AlertEvent event) {
    if (unreachable()) {
      return CompletableFuture.failedFuture(lastRefusal);
    }
    Pending pending = new Pending(event, new CompletableFuture<>());
    LaneKey key = new LaneKey(serviceId, dedupKey);
    while (true) {
      Lane lane = lanes.computeIfAbsent(key, Lane::new);
      synchronized (lane) {
        if (lane.retired) {
          continue; // emptied and removed meanwhile: take a fresh lane
        }
        lane.queue.addLast(pending);
        if (!lane.scheduled && canStart(lane)) {
          lane.scheduled = true;
          timer.schedule(() -> flush(lane), lingerMillis, TimeUnit.MILLISECONDS);
        }
        return pending.done;
      }
    }
  }

  private boolean canStart(Lane lane) {
    return !lane.barrier && lane.inFlight < maxInFlight;
  }

  /** Starts as many batches as the lane allows. */
  private void flush(Lane lane) {
    synchronized (lane) {
      lane.scheduled = false;
      lane.queue.removeIf(p -> p.done.isDone()); // its sender was answered 503: never send it
      if (unreachable()) {
        lane.queue.forEach(p -> p.done.completeExceptionally(lastRefusal));
        lane.queue.clear();
      }
      while (!lane.queue.isEmpty() && canStart(lane)) {
        List<Pending> batch = new ArrayList<>();
        boolean onlyTriggers = lane.inFlight > 0;
        while (!lane.queue.isEmpty() && batch.size() < maxBatch) {
          boolean trigger = lane.queue.peekFirst().event().action() == AlertAction.TRIGGER;
          if (!trigger && onlyTriggers) {
            break;
          }
          batch.add(lane.queue.removeFirst());
        }
        if (batch.isEmpty()) {
          break; // an acknowledge or resolve waits until nothing is in flight
        }
        boolean barrier =
            batch.stream().anyMatch(p -> p.event().action() != AlertAction.TRIGGER);
        lane.inFlight++;
        lane.barrier |= barrier;
        senders.execute(() -> {
          send(lane.key, batch);
          done(lane, barrier);
        });
      }
      retireIfIdle(lane);
    }
  }

  private void done(Lane lane, boolean barrier) {
    synchronized (lane) {
      lane.inFlight--;
      if (barrier) {
        lane.barrier = false;
      }
      if (!lane.queue.isEmpty() && !lane.scheduled && canStart(lane)) {
        // what queued meanwhile has waited long enough: send it now
        flush(lane);
      } else {
        retireIfIdle(lane);
      }
    }
  }

  private void retireIfIdle(Lane lane) {
    if (lane.queue.isEmpty() && lane.inFlight == 0 && !lane.scheduled && !lane.retired) {
      lane.retired = true;
      lanes.remove(lane.key, lane);
    }
  }

  private void send(LaneKey key, List<Pending> batch) {
    AlertBatch signal = new AlertBatch(UUID.randomUUID().toString(), coalesce(batch));
    try {
      // the client retries transient failures with the same request, so the same batch id: if
      // an earlier attempt did land, the workflow drops the repeat
      boolean taken = dispatcher.dispatch(key.serviceId(), key.dedupKey(), signal);
      signals.incrementAndGet();
      batch.forEach(p -> p.done.complete(taken));
    } catch (RuntimeException e) {
      log.warn("alert batch of {} events for service {} refused: {}", batch.size(),
          key.serviceId(), e.toString());
      if (isUnreachable(e)) {
        lastRefusal = e;
        unreachableUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(cooldownMillis);
      }
      batch.forEach(p -> p.done.completeExceptionally(e));
    }
  }

  private boolean unreachable() {
    return System.nanoTime() - unreachableUntil < 0;
  }

  /** Temporal did not answer (down, or too slow), as opposed to refusing this batch. */
  static boolean isUnreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof StatusRuntimeException grpc) {
        Status.Code code = grpc.getStatus().getCode();
        return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED;
      }
    }
    return false;
  }

  /** Batches Temporal accepted since start: one signal (or signal-with-start) each. */
  public long signalsSent() {
    return signals.get();
  }

  static List<AlertEvent> coalesce(List<Pending> batch) {
    List<AlertEvent> events = new ArrayList<>();
    for (Pending p : batch) {
      AlertEvent last = events.isEmpty() ? null : events.get(events.size() - 1);
      if (last != null && last.coalescesWith(p.event())) {
        events.set(events.size() - 1, last.plus(p.event()));
      } else {
        events.add(p.event());
      }
    }
    return events;
  }

  @Override
  public void destroy() {
    timer.shutdown();
    senders.shutdown();
    try {
      senders.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
