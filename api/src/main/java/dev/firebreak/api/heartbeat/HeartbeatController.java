package dev.firebreak.api.heartbeat;

import dev.firebreak.activities.directory.ServiceStore;
import dev.firebreak.activities.heartbeat.HeartbeatStore;
import dev.firebreak.api.problem.ApiException;
import dev.firebreak.api.problem.Checker;
import dev.firebreak.workflows.TaskQueues;
import dev.firebreak.workflows.heartbeat.HeartbeatMonitor;
import dev.firebreak.workflows.heartbeat.HeartbeatMonitorWorkflow;
import dev.firebreak.workflows.heartbeat.HeartbeatRun;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Heartbeat monitors: a job pings its URL; a {@code HeartbeatMonitorWorkflow} triggers an alert on
 * the service when no ping comes within interval + grace, and resolves it on the next ping.
 */
@RestController
@RequestMapping("/api/v1/heartbeats")
@Tag(name = "Heartbeats", description = "Notice the cron job that fell silent")
public class HeartbeatController {

  static final int INTERVAL_MAX = 31 * 24 * 3600;

  public record CreateRequest(
      String name, Long serviceId, Integer intervalSeconds, Integer graceSeconds) {}

  public record MuteRequest(Boolean muted) {}

  public record HeartbeatResponse(
      long id, String name, long serviceId, String key, int intervalSeconds, int graceSeconds,
      boolean muted, String status, Instant lastPingAt, String pingUrl) {

    static HeartbeatResponse of(HeartbeatStore.Monitor m) {
      String url = ServletUriComponentsBuilder.fromCurrentContextPath()
          .path("/api/v1/heartbeats/{key}/ping").buildAndExpand(m.key()).toUriString();
      return new HeartbeatResponse(m.id(), m.name(), m.serviceId(), m.key(), m.intervalSeconds(),
          m.graceSeconds(), m.muted(), m.status(), m.lastPingAt(), url);
    }
  }

  private final HeartbeatStore store;
  private final ServiceStore services;
  private final HeartbeatMonitors monitors;

  public HeartbeatController(HeartbeatStore store, ServiceStore services,
      HeartbeatMonitors monitors) {
    this.store = store;
    this.services = services;
    this.monitors = monitors;
  }

  @PostMapping
  @Operation(summary = "Create a heartbeat monitor",
      description = "201 with its key and pingUrl; its workflow starts watching at once")
  public ResponseEntity<HeartbeatResponse> create(@RequestBody CreateRequest body) {
    Checker check = new Checker();
    check.require("name", body.name());
    check.maxLength("name", body.name(), 255);
    check.require("serviceId", body.serviceId());
    check.require("intervalSeconds", body.intervalSeconds());
    check.range("intervalSeconds", body.intervalSeconds(), 1, INTERVAL_MAX);
    check.range("graceSeconds", body.graceSeconds(), 0, INTERVAL_MAX);
    if (body.serviceId() != null && services.find(body.serviceId()).isEmpty()) {
      check.problem("serviceId", "no service " + body.serviceId());
    }
    check.done();
    int grace = body.graceSeconds() == null ? 0 : body.graceSeconds();
    HeartbeatStore.Monitor monitor =
        monitors.create(body.name().trim(), body.serviceId(), body.intervalSeconds(), grace);
    return ResponseEntity.created(URI.create("/api/v1/heartbeats/" + monitor.id()))
        .body(HeartbeatResponse.of(monitor));
  }

  @GetMapping
  @Operation(summary = "List heartbeat monitors")
  public List<HeartbeatResponse> list() {
    return store.list().stream().map(HeartbeatResponse::of).toList();
  }

  @GetMapping("/{id:\\d+}")
  @Operation(summary = "One heartbeat monitor")
  public HeartbeatResponse get(@PathVariable long id) {
    return HeartbeatResponse.of(find(id));
  }

  @PostMapping("/{id:\\d+}/mute")
  @Operation(summary = "Mute or unmute: a muted monitor raises no alert")
  public HeartbeatResponse mute(@PathVariable long id, @RequestBody MuteRequest body) {
    Checker check = new Checker();
    check.require("muted", body.muted());
    check.done();
    HeartbeatStore.Monitor m = find(id);
    stub(m.key()).mute(body.muted());
    store.mute(id, body.muted());
    return HeartbeatResponse.of(find(id));
  }

  @DeleteMapping("/{id:\\d+}")
  @Operation(summary = "Delete a monitor; its open alert resolves")
  public ResponseEntity<Void> delete(@PathVariable long id) {
    HeartbeatStore.Monitor m = find(id);
    try {
      stub(m.key()).stop();
    } catch (WorkflowNotFoundException alreadyGone) {
      // nothing left to stop
    }
    store.delete(id);
    return ResponseEntity.noContent().build();
  }

  @RequestMapping(path = "/{key:[0-9a-f]{32}}/ping", method = {RequestMethod.GET, RequestMethod.POST})
  @Operation(summary = "Ping: the job is alive", description = "200; 404 for an unknown key")
  public Map<String, Object> ping(@PathVariable String key) {
    HeartbeatStore.Monitor m = store.findByKey(key)
        .orElseThrow(() -> ApiException.notFound("no heartbeat monitor with this key"));
    monitors.ping(m);
    return Map.of("status", "ok", "monitor", m.id());
  }

  private HeartbeatMonitorWorkflow stub(String key) {
    return monitors.stub(key);
  }

  private HeartbeatStore.Monitor find(long id) {
    return store.find(id).orElseThrow(() -> ApiException.notFound("no heartbeat monitor " + id));
  }
}
