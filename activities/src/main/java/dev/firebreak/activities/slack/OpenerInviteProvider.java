package dev.firebreak.activities.slack;

import dev.firebreak.activities.directory.UserStore;
import dev.firebreak.activities.store.IncidentStore;
import dev.firebreak.workflows.slack.InviteRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whoever opened the incident: the Slack user who submitted the form, else the Firebreak user named
 * as its creator when they have a Slack id.
 */
@Component
public class OpenerInviteProvider implements InviteProvider {

  private final SlackStore slack;
  private final IncidentStore incidents;
  private final UserStore users;

  public OpenerInviteProvider(SlackStore slack, IncidentStore incidents, UserStore users) {
    this.slack = slack;
    this.incidents = incidents;
    this.users = users;
  }

  @Override
  public String name() {
    return "opener";
  }

  @Override
  public List<String> responders(InviteRequest request) {
    Optional<String> fromSlack = slack.openerOf(request.incidentId());
    if (fromSlack.isPresent()) {
      return List.of(fromSlack.get());
    }
    return incidents.find(request.incidentId())
        .map(i -> i.createdBy())
        .flatMap(name -> users.list().stream()
            .filter(u -> name != null && (name.equals(u.name()) || name.equalsIgnoreCase(u.email())))
            .filter(u -> u.slackUserId() != null)
            .findFirst())
        .map(u -> List.of(u.slackUserId()))
        .orElse(List.of());
  }
}
