package dev.firebreak.api.maintenance;

import dev.firebreak.activities.maintenance.MaintenanceWindow;
import dev.firebreak.activities.maintenance.MaintenanceWindows;
import dev.firebreak.activities.maintenance.MaintenanceWindows.MaintenanceDraft;
import dev.firebreak.api.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Maintenance windows of a service over HTTP: while one is open, the service's events are
 * accepted and recorded but open no incident; an alert still firing when it ends opens its
 * incident then (the alert group's own timer).
 */
@RestController
@Tag(name = "Maintenance", description = "Windows in which a service's alerts page nobody")
public class MaintenanceController {

  private final MaintenanceWindows windows;
  private final Callers callers;

  public MaintenanceController(MaintenanceWindows windows, Callers callers) {
    this.windows = windows;
    this.callers = callers;
  }

  @PostMapping("/api/v1/services/{id}/maintenance")
  @Operation(summary = "Open a maintenance window {start?, end, reason} on a service")
  public ResponseEntity<MaintenanceWindow> open(@PathVariable long id,
      @RequestBody MaintenanceDraft body) {
    MaintenanceWindow created = windows.open(id, body, callers.name(), Instant.now());
    return ResponseEntity.created(
        URI.create("/api/v1/services/" + id + "/maintenance/" + created.id())).body(created);
  }

  @GetMapping("/api/v1/services/{id}/maintenance")
  @Operation(summary = "The service's maintenance windows that have not ended")
  public List<MaintenanceWindow> current(@PathVariable long id) {
    return windows.current(id, Instant.now());
  }
}
