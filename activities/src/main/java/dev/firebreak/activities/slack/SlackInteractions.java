package dev.firebreak.activities.slack;

import dev.firebreak.activities.directory.Service;
import dev.firebreak.activities.directory.ServiceStore;
import java.util.Optional;

/**
 * What Slack scenarios need to know beyond the incident itself: which incident a channel belongs
 * to, whether a delivery (Slack retries) is the first, who opened an incident, a service to page.
 * The edge's scenarios translate Slack's requests and call this; they reach no store.
 */
@org.springframework.stereotype.Service
public class SlackInteractions {

  private final SlackStore store;
  private final ServiceStore services;

  public SlackInteractions(SlackStore store, ServiceStore services) {
    this.store = store;
    this.services = services;
  }

  /** The incident whose channel this is. */
  public Optional<Long> incidentOfChannel(String channelId) {
    return store.incidentOfChannel(channelId);
  }

  /** True the first time a delivery id is seen: Slack retries, the work is done once. */
  public boolean firstDelivery(String id) {
    return store.firstDelivery(id);
  }

  /** Forgets a delivery whose work failed, so that Slack's retry runs it. */
  public void forgetDelivery(String id) {
    store.forgetDelivery(id);
  }

  /** Notes who opened an incident from Slack (they are invited to its channel). */
  public void opened(long incidentId, String slackUserId) {
    store.opened(incidentId, slackUserId);
  }

  public Optional<Service> service(long id) {
    return services.find(id);
  }
}
