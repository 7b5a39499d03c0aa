package dev.firebreak.activities.maintenance;

import dev.firebreak.workflows.alert.MaintenanceActivities;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Maintenance windows for alert groups; on the alerts worker. */
@Component("maintenanceActivities")
public class MaintenanceActivitiesImpl implements MaintenanceActivities {

  private final MaintenanceStore store;

  public MaintenanceActivitiesImpl(MaintenanceStore store) {
    this.store = store;
  }

  @Override
  public Long holdForMaintenance(long serviceId, long groupId, Instant at) {
    return store.covering(serviceId, at).map(w -> {
      store.markGroup(groupId, w.end());
      return w.end().toEpochMilli();
    }).orElse(null);
  }

  @Override
  public void releaseMaintenance(long groupId) {
    store.markGroup(groupId, null);
  }
}
