package dev.firebreak.activities.notify;

import dev.firebreak.workflows.notify.messages.ContactType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Microsoft Teams: an Adaptive Card posted to the contact's Teams Workflows webhook URL, with a
 * button to the incident. Teams answers 202 once the flow accepted it.
 */
@Component
public class TeamsChannel implements NotificationChannel {

  private final WebhookPoster http;
  private final String incidentUrl;

  public TeamsChannel(WebhookPoster http,
      @Value("${firebreak.public-url:http://localhost:8080}") String publicUrl) {
    this.http = http;
    this.incidentUrl = (publicUrl.endsWith("/") ? publicUrl : publicUrl + "/") + "#/incidents/";
  }

  @Override
  public ContactType type() {
    return ContactType.TEAMS;
  }

  @Override
  public boolean configured() {
    return true;
  }

  @Override
  public Delivery send(Message message) {
    return http.post(message.to().value(), card(message), Map.of());
  }

  Map<String, Object> card(Message message) {
    List<Object> body = new ArrayList<>();
    body.add(Map.of("type", "TextBlock", "size", "Large", "weight", "Bolder", "wrap", true,
        "text", message.subject()));
    body.add(Map.of("type", "TextBlock", "wrap", true, "text", message.text()));
    List<Object> actions = message.incidents().stream()
        .<Object>map(i -> Map.of("type", "Action.OpenUrl", "title", "Open incident #" + i.id(),
            "url", incidentUrl + i.id()))
        .toList();
    Map<String, Object> content = Map.of(
        "$schema", "http://adaptivecards.io/schemas/adaptive-card.json",
        "type", "AdaptiveCard", "version", "1.4", "body", body, "actions", actions);
    return Map.of("type", "message", "attachments", List.of(Map.of(
        "contentType", "application/vnd.microsoft.card.adaptive", "content", content)));
  }
}
