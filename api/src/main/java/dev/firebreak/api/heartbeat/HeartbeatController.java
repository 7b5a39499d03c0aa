package dev.firebreak.api.heartbeat;

import dev.firebreak.activities.heartbeat.Heartbeats;
import dev.firebreak.activities.heartbeat.Heartbeats.HeartbeatDraft;
import dev.firebreak.activities.heartbeat.Monitor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
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

  public record MuteRequest(Boolean muted) {}

  /** {@code intervalSeconds} or {@code cron} with {@code timeZone}. */
  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  public record HeartbeatResponse(
      long id, String name, long serviceId, String key, Integer intervalSeconds,
      int graceSeconds, boolean muted, String status, Instant lastPingAt, String pingUrl,
      String cron, String timeZone) {

    static HeartbeatResponse of(Monitor m) {
      String url = ServletUriComponentsBuilder.fromCurrentContextPath()
          .path("/api/v1/heartbeats/{key}/ping").buildAndExpand(m.key()).toUriString();
      return new HeartbeatResponse(m.id(), m.name(), m.serviceId(), m.key(), m.intervalSeconds(),
          m.graceSeconds(), m.muted(), m.status(), m.lastPingAt(), url, m.cron(), m.timeZone());
    }
  }

  private final Heartbeats heartbeats;

  public HeartbeatController(Heartbeats heartbeats) {
    this.heartbeats = heartbeats;
  }

  @PostMapping
  @Operation(summary = "Create a heartbeat monitor",
      description = "201 with its key and pingUrl; its workflow starts watching at once")
  public ResponseEntity<HeartbeatResponse> create(@RequestBody HeartbeatDraft body) {
    Monitor monitor = heartbeats.create(body);
    return ResponseEntity.created(URI.create("/api/v1/heartbeats/" + monitor.id()))
        .body(HeartbeatResponse.of(monitor));
  }

  @GetMapping
  @Operation(summary = "List heartbeat monitors")
  public List<HeartbeatResponse> list() {
    return heartbeats.list().stream().map(HeartbeatResponse::of).toList();
  }

  @GetMapping("/{id:\\d+}")
  @Operation(summary = "One heartbeat monitor")
  public HeartbeatResponse get(@PathVariable long id) {
    return HeartbeatResponse.of(heartbeats.get(id));
  }

  @PostMapping("/{id:\\d+}/mute")
  @Operation(summary = "Mute or unmute: a muted monitor raises no alert")
  public HeartbeatResponse mute(@PathVariable long id, @RequestBody MuteRequest body) {
    return HeartbeatResponse.of(heartbeats.mute(id, body.muted()));
  }

  @DeleteMapping("/{id:\\d+}")
  @Operation(summary = "Delete a monitor; its open alert resolves")
  public ResponseEntity<Void> delete(@PathVariable long id) {
    heartbeats.delete(id);
    return ResponseEntity.noContent().build();
  }

  @RequestMapping(path = "/{key:[0-9a-f]{32}}/ping", method = {RequestMethod.GET, RequestMethod.POST})
  @Operation(summary = "Ping: the job is alive", description = "200; 404 for an unknown key")
  public Map<String, Object> ping(@PathVariable String key) {
    return Map.of("status", "ok", "monitor", heartbeats.ping(key).id());
  }
}
