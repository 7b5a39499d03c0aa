package dev.firebreak.activities.notify;

import dev.firebreak.workflows.notify.messages.ContactType;
import org.springframework.stereotype.Component;

/** Slack direct messages, with Acknowledge and Resolve buttons when the page is one incident. */
@Component
public class SlackChannel implements NotificationChannel {

  private final SlackPager slack;

  public SlackChannel(SlackPager slack) {
    this.slack = slack;
  }

  @Override
  public ContactType type() {
    return ContactType.SLACK;
  }

  @Override
  public boolean configured() {
    return slack.configured();
  }

  @Override
  public Delivery send(Message message) {
    Message.PagedIncident incident = message.single();
    SlackPager.Answer answer = incident == null
        ? slack.directMessage(message.to().value(), message.text())
        : slack.directMessage(message.to().value(), incident.id(), message.text());
    return answer.ok() ? Delivery.accepted(null) : Delivery.refused("Slack refused: "
        + answer.error());
  }
}
