package dev.firebreak.activities.oncall;

import dev.firebreak.activities.metrics.FirebreakMeters;
import dev.firebreak.activities.notify.NotificationPlans;
import dev.firebreak.activities.notify.SlackPager;
import dev.firebreak.workflows.escalation.Notification;
import dev.firebreak.workflows.escalation.NotificationActivities;
import dev.firebreak.workflows.escalation.NotificationResult;
import dev.firebreak.workflows.escalation.Recipient;
import java.time.Duration;
import java.time.Instant;
import dev.firebreak.workflows.notify.messages.NotificationPlan;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Pages a user by their notification rules when they have contact methods: a durable {@link
 * NotificationPlans plan} started once per page, answered as sent with the plan in words. A user
 * without contact methods is paged by Slack DM, once per (incident, run, loop, step, user): the outcome is recorded in {@link
 * NotificationLog} and a page already SENT or refused for good is answered from there, not sent
 * again. A user without a Slack id, or a Slack refusal, is answered as not sent (never retried);
 * transport errors throw so Temporal retries them (capped by the workflow).
 */
@Component("notificationActivities")
public class NotificationActivitiesImpl implements NotificationActivities {

  private static final Logger log = LoggerFactory.getLogger(NotificationActivitiesImpl.class);

  private final NotificationLog pages;
  private final SlackPager slack;
  private final NotificationPlans plans;

  public NotificationActivitiesImpl(NotificationLog pages, SlackPager slack,
      NotificationPlans plans) {
    this.pages = pages;
    this.slack = slack;
    this.plans = plans;
  }

  @Override
  public NotificationResult notify(Notification n) {
    Optional<NotificationLog.Entry> earlier = pages.find(n);
    if (earlier.isPresent() && !NotificationLog.PENDING.equals(earlier.get().status())) {
      NotificationLog.Entry e = earlier.get();
      if ("rules".equals(e.via()) && NotificationLog.SENT.equals(e.status())) {
        return new NotificationResult(true, "rules (" + e.detail() + ")", null);
      }
      return new NotificationResult(NotificationLog.SENT.equals(e.status()), e.via(), e.detail());
    }
    Recipient r = n.recipient();
    Optional<NotificationPlan> plan = plans == null ? Optional.empty() : plans.start(n);
    if (plan.isPresent()) {
      pages.finish(n, NotificationLog.SENT, "rules", NotificationPlans.describe(plan.get()));
      measure(n, "rules");
      return new NotificationResult(true, "rules (" + NotificationPlans.describe(plan.get())
          + ")", null);
    }
    if (r.slackUserId() == null || r.slackUserId().isBlank()) {
      return fail(n, "none", r.name() + " has no contact method (no Slack user id)");
    }
    if (!slack.configured()) {
      return fail(n, "slack", "Slack is not configured (SLACK_BOT_TOKEN)");
    }
    pages.attempt(n, "slack");
    SlackPager.Answer answer = slack.directMessage(r.slackUserId(), n.incidentId(), text(n));
    if (!answer.ok()) {
      return fail(n, "slack", "Slack refused: " + answer.error());
    }
    pages.finish(n, NotificationLog.SENT, "slack", null);
    measure(n, "slack");
    log.info("paged user {} for incident {} ({} round {} step {})", r.userId(), n.incidentId(),
        n.run(), n.loop() + 1, n.step() + 1);
    return new NotificationResult(true, "slack", null);
  }

  /**
   * Counts a page sent, how late after its step began it went out, and, for the incident's first
   * page, how long after its first event. A retried activity answers from the log above and is
   * not counted again.
   */
  private void measure(Notification n, String via) {
    Instant now = Instant.now();
    FirebreakMeters.page(via, "sent");
    if (n.at() != null) {
      FirebreakMeters.timerLag(Duration.between(n.at(), now));
    }
    pages.firstEventIfFirstPage(n.incidentId())
        .ifPresent(first -> FirebreakMeters.firstPage(Duration.between(first, now)));
  }

  @Override
  public void cancelPlans(long incidentId, String reason) {
    if (plans != null) {
      plans.cancelAll(incidentId, reason);
    }
  }

  private NotificationResult fail(Notification n, String via, String detail) {
    pages.finish(n, NotificationLog.FAILED, via, detail);
    FirebreakMeters.page(via, "failed");
    return new NotificationResult(false, via, detail);
  }

  static String text(Notification n) {
    return ":rotating_light: You are paged for incident #" + n.incidentId() + " ("
        + n.priority() + "): " + n.incidentTitle() + ". Step " + (n.step() + 1) + ", round "
        + (n.loop() + 1) + ". Acknowledge to stop the escalation.";
  }
}
