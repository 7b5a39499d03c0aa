package dev.firebreak.api.slack.scenarios;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.view.View;
import dev.firebreak.api.slack.IncidentModals;
import dev.firebreak.api.slack.SlackIncidents;
import dev.firebreak.api.slack.SlackRoute;
import dev.firebreak.api.slack.SlackScenario;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The App Home tab opened: it is drawn afresh ({@code views.publish}) with the open P1 and P2
 * incidents and their Update and Close buttons.
 */
@Component
public class AppHomeOpened implements SlackScenario {

  private static final Logger log = LoggerFactory.getLogger(AppHomeOpened.class);

  private final SlackIncidents incidents;

  public AppHomeOpened(SlackIncidents incidents) {
    this.incidents = incidents;
  }

  @Override
  public List<SlackRoute> routes() {
    return List.of(SlackRoute.event(AppHomeOpenedEvent.class, this::homeOpened));
  }

  Response homeOpened(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx)
      throws IOException, SlackApiException {
    AppHomeOpenedEvent event = payload.getEvent();
    if (!"home".equals(event.getTab())) {
      return ctx.ack();
    }
    View home = IncidentModals.home(incidents.openIncidents(2));
    var published = ctx.client().viewsPublish(r -> r.userId(event.getUser()).view(home));
    if (!published.isOk()) {
      log.warn("views.publish failed for {}: {}", event.getUser(), published.getError());
    }
    return ctx.ack();
  }
}
