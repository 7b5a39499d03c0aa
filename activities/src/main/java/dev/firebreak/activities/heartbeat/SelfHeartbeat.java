package dev.firebreak.activities.heartbeat;

import dev.firebreak.activities.directory.Service;
import dev.firebreak.activities.directory.ServiceStore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Firebreak watching itself ({@code firebreak.self-heartbeat.enabled}): a heartbeat monitor on a
 * service of its own ({@code Firebreak} by default) that every replica pings through the same
 * application service as any job's ping, PostgreSQL and Temporal included. When no replica manages to
 * ping for interval + grace, the monitor's workflow raises a critical alert on that service, which
 * pages its escalation policy as any alert does. Give the service a policy that reaches whoever
 * runs Firebreak. It cannot report its own total loss (nothing runs the workflow then): the
 * Prometheus rules in infra/monitoring cover that from outside.
 *
 * <p>The service and the monitor are created on first start, found by name afterwards; replicas
 * starting together take a PostgreSQL advisory lock so that only one creates them.
 */
@Component
@ConditionalOnProperty(name = "firebreak.self-heartbeat.enabled", havingValue = "true")
public class SelfHeartbeat implements DisposableBean {

  static final String MONITOR = "Firebreak self-heartbeat";
  /** Any fixed number: the advisory lock of this one piece of set-up. */
  private static final long LOCK = 0x5e1f_4ea7L;

  private static final Logger log = LoggerFactory.getLogger(SelfHeartbeat.class);

  private final ServiceStore services;
  private final HeartbeatStore store;
  private final Heartbeats heartbeats;
  private final TransactionTemplate transactions;
  private final JdbcClient jdbc;
  private final String serviceName;
  private final Duration interval;
  private final Duration grace;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "self-heartbeat");
    t.setDaemon(true);
    return t;
  });
  private volatile ScheduledFuture<?> pinging;
  private volatile Monitor monitor;

  public SelfHeartbeat(ServiceStore services, HeartbeatStore store, Heartbeats heartbeats,
      TransactionTemplate transactions, JdbcClient jdbc,
      @Value("${firebreak.self-heartbeat.service:Firebreak}") String serviceName,
      @Value("${firebreak.self-heartbeat.interval:60s}") Duration interval,
      @Value("${firebreak.self-heartbeat.grace:60s}") Duration grace) {
    this.services = services;
    this.store = store;
    this.heartbeats = heartbeats;
    this.transactions = transactions;
    this.jdbc = jdbc;
    this.serviceName = serviceName;
    this.interval = interval;
    this.grace = grace;
  }

  @EventListener
  void start(ApplicationReadyEvent ready) {
    monitor = ensure();
    // twice per interval, so one lost ping never raises the alert
    long every = Math.max(1_000, interval.toMillis() / 2);
    pinging = timer.scheduleAtFixedRate(this::ping, 0, every, TimeUnit.MILLISECONDS);
    log.info("self-heartbeat: pinging monitor {} on service '{}' every {} ms (interval {}, grace {})",
        monitor.id(), serviceName, every, interval, grace);
  }

  /** The monitor, created with its service on first start; found by name afterwards. */
  Monitor ensure() {
    return transactions.execute(tx -> {
      jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", LOCK).query().listOfRows();
      Service service = services.list().stream().filter(s -> s.name().equals(serviceName))
          .findFirst().orElseGet(() -> services.create(new Service(0, serviceName,
              "Firebreak itself: its self-heartbeat alerts here when no replica can ping it",
              null, null, null, true, Service.defaultSeverityPriorities(), null)));
      Optional<Monitor> existing = store.list().stream()
          .filter(m -> m.serviceId() == service.id() && m.name().equals(MONITOR)).findFirst();
      return existing.orElseGet(() -> heartbeats.create(new Heartbeats.HeartbeatDraft(MONITOR,
          service.id(), (int) interval.toSeconds(), (int) grace.toSeconds())));
    });
  }

  void ping() {
    try {
      heartbeats.ping(monitor.key());
    } catch (RuntimeException e) {
      log.warn("self-heartbeat: ping failed ({}); the monitor alerts if no replica pings for {}",
          e.toString(), interval.plus(grace));
    }
  }

  /** Stops pinging, as a dead replica would. */
  void stop() {
    ScheduledFuture<?> current = pinging;
    if (current != null) {
      current.cancel(false);
    }
  }

  @Override
  public void destroy() {
    timer.shutdownNow();
  }
}
