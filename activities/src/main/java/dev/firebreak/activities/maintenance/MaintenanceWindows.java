package dev.firebreak.activities.maintenance;

import dev.firebreak.activities.directory.ServiceStore;
import dev.firebreak.workflows.validation.NotFound;
import dev.firebreak.workflows.validation.Problems;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The application service of maintenance windows: at most {@link #MAX_LENGTH} long, ending in
 * the future, with a reason. Alert groups ask it through {@link MaintenanceActivitiesImpl}.
 */
@Component
public class MaintenanceWindows {

  public static final Duration MAX_LENGTH = Duration.ofDays(14);

  /** A window as asked for; {@code start} defaults to now. */
  public record MaintenanceDraft(Instant start, Instant end, String reason) {}

  private final MaintenanceStore store;
  private final ServiceStore services;

  public MaintenanceWindows(MaintenanceStore store, ServiceStore services) {
    this.store = store;
    this.services = services;
  }

  public MaintenanceWindow open(long serviceId, MaintenanceDraft draft, String by, Instant now) {
    if (services.find(serviceId).isEmpty()) {
      throw new NotFound("no service " + serviceId);
    }
    Problems check = new Problems();
    check.require("end", draft.end());
    check.require("reason", draft.reason());
    check.maxLength("reason", draft.reason(), 1024);
    if (draft.reason() != null && draft.reason().isBlank()) {
      check.add("reason", "is required");
    }
    Instant start = draft.start() == null ? now : draft.start();
    if (draft.end() != null) {
      if (!draft.end().isAfter(start)) {
        check.add("end", "must be after start");
      } else if (!draft.end().isAfter(now)) {
        check.add("end", "must be in the future");
      } else if (Duration.between(start, draft.end()).compareTo(MAX_LENGTH) > 0) {
        check.add("end", "a window lasts at most " + MAX_LENGTH.toDays() + " days");
      }
    }
    check.throwIfAny();
    return store.create(serviceId, start, draft.end(), draft.reason().trim(), by);
  }

  public List<MaintenanceWindow> current(long serviceId, Instant now) {
    if (services.find(serviceId).isEmpty()) {
      throw new NotFound("no service " + serviceId);
    }
    return store.current(serviceId, now);
  }

  public Optional<Instant> groupHeldUntil(long groupId) {
    return store.groupHeldUntil(groupId);
  }
}
