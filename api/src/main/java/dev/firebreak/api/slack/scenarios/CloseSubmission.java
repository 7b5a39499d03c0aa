package dev.firebreak.api.slack.scenarios;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.firebreak.api.slack.IncidentModals;
import dev.firebreak.api.slack.SlackAuthors;
import dev.firebreak.api.slack.SlackIncidentUpdates;
import dev.firebreak.api.slack.SlackIncidents;
import dev.firebreak.api.slack.SlackRoute;
import dev.firebreak.api.slack.SlackScenario;
import dev.firebreak.workflows.incident.messages.ChangeStatus;
import dev.firebreak.workflows.incident.messages.ClosureReason;
import dev.firebreak.workflows.incident.messages.Status;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The close form submitted: closes the incident (its id in the view's private metadata). The
 * lifecycle's refusal (no closure reason before mitigation) shows under the reason field.
 */
@Component
public class CloseSubmission implements SlackScenario {

  private static final Logger log = LoggerFactory.getLogger(CloseSubmission.class);

  private final SlackIncidents incidents;
  private final SlackAuthors authors;

  public CloseSubmission(SlackIncidents incidents, SlackAuthors authors) {
    this.incidents = incidents;
    this.authors = authors;
  }

  @Override
  public List<SlackRoute> routes() {
    return List.of(SlackRoute.submission(IncidentModals.CLOSE, this::submit));
  }

  Response submit(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
    View view = request.getPayload().getView();
    long id = Long.parseLong(view.getPrivateMetadata());
    Map<String, Map<String, ViewState.Value>> values = view.getState().getValues();
    String author = authors.author(request.getPayload().getUser().getId(),
        request.getPayload().getUser().getUsername());
    String reason = IncidentModals.value(values, "closure_reason");
    try {
      incidents.apply(id, "changeStatus", "slack-view-" + view.getId() + "-" + view.getHash(),
          new ChangeStatus(Status.CLOSED, IncidentModals.value(values, "message"),
              reason == null ? null : ClosureReason.valueOf(reason), author));
      return ctx.ack();
    } catch (SlackIncidentUpdates.Refused refused) {
      return ctx.ackWithErrors(Map.of("closure_reason", refused.getMessage()));
    } catch (RuntimeException e) {
      log.warn("could not close incident {} from Slack: {}", id, e.toString());
      return ctx.ackWithErrors(Map.of("closure_reason",
          "Firebreak could not close the incident right now; try again"));
    }
  }
}
