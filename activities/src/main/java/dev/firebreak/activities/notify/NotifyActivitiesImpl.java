package dev.firebreak.activities.notify;

import dev.firebreak.activities.metrics.FirebreakMeters;

import dev.firebreak.activities.store.IncidentStore;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.Status;
import dev.firebreak.workflows.notify.messages.ContactType;
import dev.firebreak.workflows.notify.NotifyActivities;
import dev.firebreak.workflows.notify.RateLimit;
import dev.firebreak.workflows.notify.messages.NotificationPlan;
import dev.firebreak.workflows.notify.messages.PlanSend;
import dev.firebreak.workflows.notify.messages.SendOutcome;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends one rule of a plan, once. The row of (plan, rule) is read first: a finished send is
 * answered from it. Then the incident is read: acknowledged (after the page) or resolved means
 * nothing is sent. Then the rate limit, under a lock per contact method: over it, the page waits
 * BUNDLED; under it, the send carries every page waiting in its bundle. The row is PENDING before
 * the provider is called and SENT after; a crash in between sends again on retry (see README).
 */
@Component("notifyActivities")
public class NotifyActivitiesImpl implements NotifyActivities {

  private final NotifySendStore sends;
  private final ContactMethodStore contacts;
  private final IncidentStore incidents;
  private final Map<ContactType, NotificationChannel> channels;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  @Autowired
  public NotifyActivitiesImpl(NotifySendStore sends, ContactMethodStore contacts,
      IncidentStore incidents, List<NotificationChannel> channels, TransactionTemplate tx) {
    this(sends, contacts, incidents, channels, tx, Clock.systemUTC());
  }

  NotifyActivitiesImpl(NotifySendStore sends, ContactMethodStore contacts, IncidentStore incidents,
      List<NotificationChannel> channels, TransactionTemplate tx, Clock clock) {
    this.sends = sends;
    this.contacts = contacts;
    this.incidents = incidents;
    this.channels = channels.stream()
        .collect(Collectors.toMap(NotificationChannel::type, Function.identity(), (a, b) -> a));
    this.tx = tx;
    this.clock = clock;
  }

  @Override
  public SendOutcome send(PlanSend request) {
    NotificationPlan plan = request.plan();
    PageSend row = sends.find(plan.planId(), request.rule().key())
        .orElseThrow(() -> new IllegalStateException("no recorded send for plan "
            + plan.planId() + " rule " + request.rule().key()));
    if (row.finished()) {
      return recorded(row);
    }
    Optional<String> stop = stopReason(plan);
    if (stop.isPresent()) {
      sends.finish(row.id(), NotifySendStore.STOPPED, stop.get(), null);
      return SendOutcome.stopped(stop.get());
    }
    Optional<ContactMethod> method = contacts.find(row.contactMethodId());
    NotificationChannel channel = channels.get(request.rule().type());
    String unusable = method.isEmpty() ? "the contact method was deleted"
        : !method.get().usable() ? "the number is not verified"
        : channel == null || !channel.configured() ? request.rule().type().word()
            + " is not configured" : null;
    if (unusable != null) {
      sends.finish(row.id(), NotifySendStore.FAILED, unusable, null);
      return SendOutcome.failed(unusable);
    }
    ContactMethod to = method.get();
    Batch batch = tx.execute(status -> claim(row, to));
    if (batch.retryAt() != null) {
      return SendOutcome.limited("rate limit of " + to.type().word() + " reached; bundled",
          batch.retryAt());
    }
    NotificationChannel.Delivery delivery = channel.send(message(plan, row, to, batch));
    FirebreakMeters.page(to.type().word(), delivery.ok() ? "sent" : "failed");
    if (!delivery.ok()) {
      sends.finish(row.id(), NotifySendStore.FAILED, delivery.detail(), null);
      return SendOutcome.failed(delivery.detail());
    }
    String detail = batch.others().isEmpty() ? null
        : "with " + batch.others().size() + " more incidents in one message";
    sends.finish(row.id(), NotifySendStore.SENT, detail, delivery.providerId());
    sends.sentInBundle(batch.others().stream().map(PageSend::id).toList(), row.id());
    return SendOutcome.sent(detail);
  }

  @Override
  public void gaveUp(PlanSend send, String why) {
    sends.find(send.plan().planId(), send.rule().key())
        .filter(row -> !row.finished())
        .ifPresent(row -> sends.finish(row.id(), NotifySendStore.FAILED, why, null));
  }

  @Override
  public void cancelRest(String planId, String reason) {
    sends.stopRest(planId, reason);
  }

  /** What a send decided under its contact method's lock. */
  record Batch(Instant retryAt, List<PageSend> others, String replyCode) {}

  private Batch claim(PageSend row, ContactMethod to) {
    sends.lockMethod(to.id());
    Optional<RateLimit> limit = RateLimit.of(to.type());
    if (limit.isPresent()) {
      Instant now = clock.instant();
      List<Instant> recent = sends.sentSince(to.id(), now.minus(limit.get().window()));
      if (recent.size() >= limit.get().max()) {
        sends.finish(row.id(), NotifySendStore.BUNDLED, "waiting for the rate limit", null);
        return new Batch(recent.get(recent.size() - limit.get().max())
            .plus(limit.get().window()).plusSeconds(1), List.of(), null);
      }
    }
    List<PageSend> others = limit.isPresent() ? sends.bundled(to.id(), row.id())
        : List.of();
    String code = to.type() == ContactType.SMS ? replyCode(to.value(), row.incidentId()) : null;
    sends.attempt(row.id(), code);
    return new Batch(null, others, code);
  }

  /** One reply code per (number, incident), four digits, not used before on that number. */
  private String replyCode(String phone, long incidentId) {
    Optional<String> existing = sends.replyCodeFor(phone, incidentId);
    if (existing.isPresent()) {
      return existing.get();
    }
    for (int i = 0; i < 50; i++) {
      String code = String.valueOf(1000 + random.nextInt(9000));
      if (!sends.replyCodeTaken(phone, code)) {
        return code;
      }
    }
    throw new IllegalStateException("no free reply code for " + phone);
  }

  private Message message(NotificationPlan plan, PageSend row, ContactMethod to,
      Batch batch) {
    Message.PagedIncident own = new Message.PagedIncident(plan.incidentId(),
        plan.incidentTitle(), plan.priority());
    if (batch.others().isEmpty()) {
      String text = "Firebreak: incident #" + plan.incidentId() + " (" + plan.priority()
          + ") needs you: " + plan.incidentTitle() + ".";
      return new Message(row.id(), to, plan.userName(), "Incident #" + plan.incidentId() + " ("
          + plan.priority() + "): " + plan.incidentTitle(), text, List.of(own),
          batch.replyCode());
    }
    List<Message.PagedIncident> all = new ArrayList<>();
    all.add(own);
    all.addAll(sends.bundledIncidents(batch.others().stream().map(PageSend::id).toList()));
    String list = all.stream().map(i -> "#" + i.id() + " " + i.title())
        .collect(Collectors.joining(", "));
    String text = "Firebreak: " + all.size() + " incidents need you: " + list + ".";
    return new Message(row.id(), to, plan.userName(), all.size() + " incidents need you", text,
        all, batch.replyCode());
  }

  /**
   * Why the page is no longer needed: the incident resolved, or acknowledged since the page (an
   * acknowledgement before it is an ack timeout's escalation, which must page).
   */
  private Optional<String> stopReason(NotificationPlan plan) {
    Optional<Incident> incident = incidents.find(plan.incidentId());
    if (incident.isEmpty()) {
      return Optional.empty();
    }
    Incident i = incident.get();
    if (i.status().isAtLeast(Status.MITIGATED)) {
      return Optional.of("incident #" + i.id() + " is " + i.status());
    }
    Instant acked = i.keyEvents() == null ? null : i.keyEvents().acknowledged();
    if (acked != null && !acked.isBefore(plan.pagedAt())) {
      return Optional.of("incident #" + i.id() + " was acknowledged");
    }
    return Optional.empty();
  }

  private static SendOutcome recorded(PageSend row) {
    return switch (row.status()) {
      case NotifySendStore.SENT -> SendOutcome.sent(row.detail());
      case NotifySendStore.STOPPED -> SendOutcome.stopped(row.detail());
      default -> SendOutcome.failed(row.detail());
    };
  }
}
