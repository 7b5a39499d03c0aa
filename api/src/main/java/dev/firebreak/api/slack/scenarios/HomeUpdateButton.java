package dev.firebreak.api.slack.scenarios;

import dev.firebreak.api.slack.IncidentModals;
import dev.firebreak.api.slack.SlackIncidents;
import dev.firebreak.api.slack.SlackRoute;
import dev.firebreak.api.slack.SlackScenario;
import java.util.List;
import org.springframework.stereotype.Component;

/** The App Home's "Update" button of an incident: its update form ({@link UpdateSubmission} takes it). */
@Component
public class HomeUpdateButton implements SlackScenario {

  private final SlackIncidents incidents;

  public HomeUpdateButton(SlackIncidents incidents) {
    this.incidents = incidents;
  }

  @Override
  public List<SlackRoute> routes() {
    return List.of(SlackRoute.button(IncidentModals.HOME_UPDATE,
        (req, ctx) -> FormButtons.open(req, ctx, incidents, IncidentModals::update)));
  }
}
