package dev.firebreak.activities.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.firebreak.activities.TestDatabase;
import dev.firebreak.activities.directory.UserStore;
import dev.firebreak.activities.store.IncidentStore;
import dev.firebreak.workflows.notify.messages.ContactType;
import dev.firebreak.workflows.notify.messages.NotificationPlan;
import dev.firebreak.workflows.notify.messages.PlanRule;
import dev.firebreak.workflows.notify.messages.PlanSend;
import dev.firebreak.workflows.notify.messages.SendOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends of notification plans against a real PostgreSQL migrated by the real scripts, with the
 * SMS channel replaced at its boundary by a recorder: each (plan, rule) sent once, the rate limit
 * bundling pages instead of dropping them, outages thrown for retry, unusable methods refused.
 */
class NotifyActivitiesTest {

  static DataSource dataSource;

  /** Records what it is asked to send; throws while {@code down}. */
  static class RecordingSms implements NotificationChannel {
    final List<Message> sent = new CopyOnWriteArrayList<>();
    volatile boolean down;

    @Override
    public ContactType type() {
      return ContactType.SMS;
    }

    @Override
    public boolean configured() {
      return true;
    }

    @Override
    public Delivery send(Message message) {
      if (down) {
        throw new IllegalStateException("Twilio answered 503");
      }
      sent.add(message);
      return Delivery.accepted("SM" + sent.size());
    }
  }

  JdbcClient jdbc;
  NotifySendStore sends;
  ContactMethodStore contacts;
  RecordingSms sms;
  long user;

  @BeforeAll
  static void database() {
    dataSource = TestDatabase.migrated();
  }

  @BeforeEach
  void empty() {
    jdbc = JdbcClient.create(dataSource);
    jdbc.sql("TRUNCATE app_user, notify_plan, notify_send CASCADE").update();
    sends = new NotifySendStore(jdbc);
    contacts = new ContactMethodStore(jdbc);
    sms = new RecordingSms();
    user = new UserStore(jdbc).create("Alice", "alice@reach.test", null, "UTC").id();
  }

  NotifyActivitiesImpl activities(Clock clock) {
    return new NotifyActivitiesImpl(sends, contacts, new IncidentStore(jdbc), List.of(sms),
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)), clock);
  }

  ContactMethod phone(boolean verified) {
    ContactMethod m = contacts.create(user, ContactType.SMS, "+33612345689", null);
    if (verified) {
      contacts.markVerified(m.id());
    }
    return contacts.find(m.id()).orElseThrow();
  }

  PlanSend page(long incident, ContactMethod to) {
    PlanRule rule = new PlanRule("cm" + to.id(), to.id(), ContactType.SMS, 0,
        to.label("Alice"));
    NotificationPlan plan = new NotificationPlan(incident + "-escalation-" + incident
        + "-1-0-0-0-" + user, incident, user, "Alice", "Outage " + incident, "P1",
        Instant.now(), List.of(rule));
    sends.recordPlan(plan, List.of(to.value()));
    return new PlanSend(plan, rule);
  }

  @Test
  void aSendIsMadeOnceWithItsReplyCodesWhateverTheRetries() {
    NotifyActivitiesImpl send = activities(Clock.systemUTC());
    PlanSend page = page(1, phone(true));
    assertThat(send.send(page).status()).isEqualTo(SendOutcome.Status.SENT);
    assertThat(send.send(page).status()).isEqualTo(SendOutcome.Status.SENT);
    assertThat(sms.sent).hasSize(1);
    Message m = sms.sent.get(0);
    assertThat(m.replyCode()).matches("\\d{4}");
    assertThat(TwilioSmsChannel.body(m)).contains("incident #1", "Outage 1",
        "Reply " + m.replyCode() + "a to acknowledge, " + m.replyCode() + "r to resolve");
    PageSend row = sends.find(page.plan().planId(), page.rule().key()).orElseThrow();
    assertThat(row.status()).isEqualTo("SENT");
    assertThat(row.providerId()).isEqualTo("SM1");
    assertThat(sends.byReplyCode("+33612345689", m.replyCode())).get()
        .extracting(PageSend::incidentId).isEqualTo(1L);
  }

  @Test
  void overTheRateLimitPagesAreBundledAndNeverDropped() {
    ContactMethod to = phone(true);
    NotifyActivitiesImpl now = activities(Clock.systemUTC());
    for (long incident = 1; incident <= 5; incident++) {
      assertThat(now.send(page(incident, to)).status()).isEqualTo(SendOutcome.Status.SENT);
    }
    SendOutcome sixth = now.send(page(6, to));
    SendOutcome seventh = now.send(page(7, to));
    assertThat(sixth.status()).isEqualTo(SendOutcome.Status.LIMITED);
    assertThat(seventh.status()).isEqualTo(SendOutcome.Status.LIMITED);
    assertThat(sixth.retryAt()).isBetween(Instant.now().plus(Duration.ofMinutes(14)),
        Instant.now().plus(Duration.ofMinutes(16)));
    assertThat(sms.sent).hasSize(5);
    assertThat(sends.forIncident(6)).extracting(PageSend::status).containsExactly("BUNDLED");

    NotifyActivitiesImpl later = activities(Clock.offset(Clock.systemUTC(),
        Duration.ofMinutes(16)));
    SendOutcome bundle = later.send(page(6, to));
    assertThat(bundle.status()).isEqualTo(SendOutcome.Status.SENT);
    assertThat(bundle.detail()).isEqualTo("with 1 more incidents in one message");
    assertThat(sms.sent).hasSize(6);
    assertThat(sms.sent.get(5).text())
        .isEqualTo("Firebreak: 2 incidents need you: #6 Outage 6, #7 Outage 7.");
    // the seventh page's plan wakes up: it was sent in the bundle, nothing more goes out
    assertThat(later.send(page(7, to)).status()).isEqualTo(SendOutcome.Status.SENT);
    assertThat(sms.sent).hasSize(6);
    assertThat(sends.forIncident(7).get(0).detail()).isEqualTo("in a bundle of 2 pages");
  }

  @Test
  void anOutageThrowsForRetryAndAnUnverifiedNumberIsNeverPaged() {
    NotifyActivitiesImpl send = activities(Clock.systemUTC());
    PlanSend page = page(1, phone(true));
    sms.down = true;
    assertThatThrownBy(() -> send.send(page)).hasMessageContaining("503");
    assertThat(sends.find(page.plan().planId(), page.rule().key()).orElseThrow().status())
        .isEqualTo("PENDING");
    send.gaveUp(page, "gave up after 3 attempts");
    assertThat(send.send(page).status()).isEqualTo(SendOutcome.Status.FAILED);

    ContactMethod unverified = contacts.create(user, ContactType.SMS, "+33698765432", null);
    SendOutcome refused = send.send(page(2, unverified));
    assertThat(refused.status()).isEqualTo(SendOutcome.Status.FAILED);
    assertThat(refused.detail()).isEqualTo("the number is not verified");
    sms.down = false;
    assertThat(sms.sent).isEmpty();
  }

  @Test
  void aCancelledPlanRecordsWhatItDidNotSend() {
    NotifyActivitiesImpl send = activities(Clock.systemUTC());
    PlanSend page = page(3, phone(true));
    send.cancelRest(page.plan().planId(), "acknowledged via SMS");
    assertThat(sends.forIncident(3)).extracting(PageSend::status, PageSend::detail)
        .containsExactly(tuple("STOPPED", "acknowledged via SMS"));
    assertThat(send.send(page).status()).isEqualTo(SendOutcome.Status.STOPPED);
    assertThat(sms.sent).isEmpty();
  }
}
