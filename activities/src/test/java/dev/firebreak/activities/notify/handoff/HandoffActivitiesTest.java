package dev.firebreak.activities.notify.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.activities.TestDatabase;
import dev.firebreak.activities.directory.UserStore;
import dev.firebreak.activities.notify.ContactMethodStore;
import dev.firebreak.activities.notify.Message;
import dev.firebreak.activities.notify.NotificationChannel;
import dev.firebreak.activities.oncall.OnCallLookup;
import dev.firebreak.activities.oncall.ScheduleStore;
import dev.firebreak.workflows.notify.messages.ContactType;
import dev.firebreak.workflows.notify.messages.Handoff;
import dev.firebreak.workflows.oncall.Layer;
import dev.firebreak.workflows.oncall.Rotation;
import dev.firebreak.workflows.oncall.Schedule;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Handoffs computed from a real schedule in PostgreSQL, and the notice sent once on the incoming
 * person's first usable contact method (email here; an unverified SMS number is skipped).
 */
class HandoffActivitiesTest {

  static DataSource dataSource;

  /** Records emails. */
  static class RecordingEmail implements NotificationChannel {
    final List<Message> sent = new CopyOnWriteArrayList<>();

    @Override
    public ContactType type() {
      return ContactType.EMAIL;
    }

    @Override
    public boolean configured() {
      return true;
    }

    @Override
    public Delivery send(Message message) {
      sent.add(message);
      return Delivery.accepted(null);
    }
  }

  JdbcClient jdbc;
  HandoffActivitiesImpl handoffs;
  RecordingEmail email;
  ScheduleStore schedules;
  UserStore users;
  ContactMethodStore contacts;

  @BeforeAll
  static void database() {
    dataSource = TestDatabase.migrated();
  }

  @BeforeEach
  void setUp() {
    jdbc = JdbcClient.create(dataSource);
    jdbc.sql("TRUNCATE app_user, schedule, handoff_notice CASCADE").update();
    schedules = new ScheduleStore(jdbc);
    users = new UserStore(jdbc);
    contacts = new ContactMethodStore(jdbc);
    email = new RecordingEmail();
    handoffs = new HandoffActivitiesImpl(schedules, new OnCallLookup(schedules, users), users,
        contacts, List.of(email), jdbc);
  }

  @Test
  void theNextHandoffIsToldOnceOnTheFirstUsableMethod() {
    long ann = users.create("Ann", "ann@handoff.test", null, "Europe/Paris").id();
    long bob = users.create("Bob", "bob@handoff.test", null, "UTC").id();
    contacts.create(bob, ContactType.SMS, "+33612345689", null);
    contacts.create(bob, ContactType.EMAIL, "bob@handoff.test", null);
    Schedule schedule = schedules.create(new Schedule(0, "Primary", "Europe/Paris", List.of(
        new Layer("daily", LocalDateTime.parse("2026-11-02T09:00"), Rotation.DAILY,
            List.of(ann, bob), List.of()))));

    Handoff next = handoffs.nextHandoff(schedule.id(), Instant.parse("2026-11-02T10:00:00Z"));
    assertThat(next.start()).isEqualTo(Instant.parse("2026-11-03T08:00:00Z"));
    assertThat(next.end()).isEqualTo(Instant.parse("2026-11-04T08:00:00Z"));
    assertThat(next.userIds()).containsExactly(bob);
    assertThat(next.scheduleName()).isEqualTo("Primary");

    handoffs.tell(next);
    handoffs.tell(next);
    assertThat(email.sent).hasSize(1);
    assertThat(email.sent.get(0).to().value()).isEqualTo("bob@handoff.test");
    assertThat(email.sent.get(0).text()).isEqualTo(
        "You are on call for Primary from Tue 3 Nov 08:00 to Wed 4 Nov 08:00 (UTC).");
    assertThat(HandoffActivitiesImpl.text(next, ZoneId.of("Europe/Paris")))
        .contains("from Tue 3 Nov 09:00 to Wed 4 Nov 09:00 (Europe/Paris)");

    schedules.delete(schedule.id());
    assertThat(handoffs.nextHandoff(schedule.id(), Instant.parse("2026-11-02T10:00:00Z")))
        .isNull();
  }
}
