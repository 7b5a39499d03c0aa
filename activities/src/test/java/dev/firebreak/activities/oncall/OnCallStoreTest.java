package dev.firebreak.activities.oncall;

import dev.firebreak.activities.notify.SlackPager;
import dev.firebreak.activities.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.activities.directory.Service;
import dev.firebreak.activities.directory.ServiceStore;
import dev.firebreak.activities.directory.TeamStore;
import dev.firebreak.activities.directory.UserStore;
import dev.firebreak.workflows.escalation.EscalationPolicy;
import dev.firebreak.workflows.escalation.EscalationPolicy.Target;
import dev.firebreak.workflows.escalation.EscalationPolicy.TargetType;
import dev.firebreak.workflows.escalation.EscalationTrigger;
import dev.firebreak.workflows.escalation.Notification;
import dev.firebreak.workflows.escalation.NotificationResult;
import dev.firebreak.workflows.escalation.Recipient;
import dev.firebreak.workflows.oncall.Layer;
import dev.firebreak.workflows.oncall.Restriction;
import dev.firebreak.workflows.oncall.Rotation;
import dev.firebreak.workflows.oncall.Schedule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Schedules, policies, target resolution and idempotent pages against a real PostgreSQL, migrated
 * by the real Flyway scripts; Slack replaced by a counting pager at the client's boundary.
 */
class OnCallStoreTest {

  static DataSource dataSource;
  static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

  JdbcClient jdbc;
  UserStore users;
  TeamStore teams;
  ServiceStore services;
  ScheduleStore schedules;
  EscalationPolicyStore policies;
  NotificationLog log;

  /** Counts DMs; refuses or fails as told. */
  static class CountingSlack extends SlackPager {
    final AtomicInteger sent = new AtomicInteger();
    volatile String refuse;
    volatile boolean broken;

    CountingSlack() {
      super("http://127.0.0.1:9/api/", "xoxb-test");
    }

    @Override
    public Answer directMessage(String slackUserId, long incidentId, String text) {
      if (broken) {
        throw new IllegalStateException("connection reset");
      }
      sent.incrementAndGet();
      return refuse != null ? new Answer(false, refuse) : new Answer(true, null);
    }
  }

  @BeforeAll
  static void database() {
    dataSource = TestDatabase.migrated();
  }

  @BeforeEach
  void empty() {
    jdbc = JdbcClient.create(dataSource);
    jdbc.sql("TRUNCATE app_user, team, service, schedule, escalation_policy,"
        + " escalation_notification CASCADE").update();
    users = new UserStore(jdbc);
    teams = new TeamStore(jdbc);
    services = new ServiceStore(jdbc);
    schedules = new ScheduleStore(jdbc);
    policies = new EscalationPolicyStore(jdbc);
    log = new NotificationLog(jdbc);
  }

  @Test
  void aScheduleKeepsItsLayersAndFindsTheOverridesOfASpan() {
    long ann = users.create("Ann", "ann@x.test", null, "UTC").id();
    Layer layer = new Layer("business", LocalDateTime.parse("2026-11-02T09:00"),
        Rotation.everyHours(12), List.of(ann), List.of(new Restriction(
            List.of(DayOfWeek.MONDAY), LocalTime.of(22, 0), LocalTime.of(6, 0))));
    Schedule created = schedules.create(new Schedule(0, "Primary", "Europe/Paris",
        List.of(layer)));
    assertThat(schedules.find(created.id())).contains(created);

    schedules.addOverride(created.id(), ann, T0, T0.plusSeconds(3600));
    schedules.addOverride(created.id(), ann, T0.plusSeconds(7200), T0.plusSeconds(9000));
    assertThat(schedules.overrides(created.id(), T0.plusSeconds(1800), T0.plusSeconds(1801)))
        .hasSize(1);
    assertThat(schedules.overrides(created.id(), T0.plusSeconds(3600), T0.plusSeconds(7200)))
        .isEmpty();
    assertThat(schedules.overrides(created.id(), T0)).hasSize(2);
    assertThatThrownBy(() -> schedules.addOverride(created.id(), ann, T0, T0))
        .hasMessageContaining("check");
  }

  @Test
  void targetsResolveToUsersOnceAndServicesFindTheirPolicy() {
    long ann = users.create("Ann", "ann@x.test", "U0ANN", "UTC").id();
    long bob = users.create("Bob", "bob@x.test", null, "UTC").id();
    long cy = users.create("Cy", "cy@x.test", "U0CY", "UTC").id();
    long team = teams.create("Payments", null, List.of(bob, cy)).id();
    Schedule schedule = schedules.create(new Schedule(0, "Primary", "UTC", List.of(new Layer(
        "daily", LocalDateTime.parse("2026-11-01T00:00"), Rotation.DAILY, List.of(ann, bob),
        List.of()))));
    schedules.addOverride(schedule.id(), cy, T0.plusSeconds(86_400), T0.plusSeconds(90_000));
    EscalationPolicy policy = policies.create(new EscalationPolicy(0, "Checkout", 2, List.of(
        new EscalationPolicy.Step(5, List.of(new Target(TargetType.SCHEDULE, schedule.id()),
            new Target(TargetType.TEAM, team), new Target(TargetType.USER, ann))))));
    assertThat(policies.find(policy.id())).contains(policy);
    Service service = services.create(new Service(0, "Checkout", null, null, null, policy.id(),
        true, Service.defaultSeverityPriorities(), 30));

    EscalationActivitiesImpl activities =
        new EscalationActivitiesImpl(services, policies, new OnCallLookup(schedules, users), teams,
            users);
    assertThat(activities.escalationFor(service.id()))
        .isEqualTo(new EscalationTrigger(policy.id(), 30));
    List<Target> targets = policy.steps().get(0).targets();
    // 2026-11-02 is the second day: Bob on call; then the team (Bob again, Cy), then Ann
    assertThat(activities.resolve(targets, T0)).containsExactly(
        new Recipient(bob, "Bob", null), new Recipient(cy, "Cy", "U0CY"),
        new Recipient(ann, "Ann", "U0ANN"));
    // the next day Cy overrides the schedule
    assertThat(activities.resolve(List.of(targets.get(0)), T0.plusSeconds(86_500)))
        .containsExactly(new Recipient(cy, "Cy", "U0CY"));

    policies.delete(policy.id());
    assertThat(services.find(service.id()).orElseThrow().escalationPolicyId()).isNull();
    assertThat(activities.escalationFor(service.id())).isNull();
    assertThatThrownBy(() -> services.create(new Service(0, "Ghost", null, null, null, 999_999L,
        true, Service.defaultSeverityPriorities(), null))).hasMessageContaining("foreign key");
  }

  Notification page(long userId, String slackUserId, int step) {
    return new Notification(7, "escalation-7-1#0", 0, step,
        new Recipient(userId, "Ann", slackUserId), "Checkout down", "P1", T0);
  }

  @Test
  void aPageIsSentOncePerKeyWhateverTheRetries() {
    CountingSlack slack = new CountingSlack();
    NotificationActivitiesImpl pager = new NotificationActivitiesImpl(log, slack, null);
    assertThat(pager.notify(page(1, "U0ANN", 0)))
        .isEqualTo(new NotificationResult(true, "slack", null));
    assertThat(pager.notify(page(1, "U0ANN", 0)).sent()).isTrue();
    assertThat(slack.sent).hasValue(1);
    assertThat(pager.notify(page(1, "U0ANN", 1)).sent()).isTrue();
    assertThat(slack.sent).hasValue(2);
    assertThat(log.forIncident(7)).extracting(NotificationLog.Entry::status)
        .containsOnly(NotificationLog.SENT);
  }

  @Test
  void aFailedAttemptIsRetriedAndThenSentOnce() {
    CountingSlack slack = new CountingSlack();
    NotificationActivitiesImpl pager = new NotificationActivitiesImpl(log, slack, null);
    slack.broken = true;
    assertThatThrownBy(() -> pager.notify(page(1, "U0ANN", 0)))
        .hasMessageContaining("connection reset");
    slack.broken = false;
    assertThat(pager.notify(page(1, "U0ANN", 0)).sent()).isTrue();
    assertThat(pager.notify(page(1, "U0ANN", 0)).sent()).isTrue();
    assertThat(slack.sent).hasValue(1);
    assertThat(log.forIncident(7).get(0).attempts()).isEqualTo(2);
  }

  @Test
  void noContactMethodAndSlackRefusalsAreAnsweredNotRetried() {
    CountingSlack slack = new CountingSlack();
    NotificationActivitiesImpl pager = new NotificationActivitiesImpl(log, slack, null);
    NotificationResult none = pager.notify(page(2, null, 0));
    assertThat(none).isEqualTo(new NotificationResult(false, "none",
        "Ann has no contact method (no Slack user id)"));
    slack.refuse = "channel_not_found";
    assertThat(pager.notify(page(3, "U0GONE", 0)).detail())
        .isEqualTo("Slack refused: channel_not_found");
    assertThat(pager.notify(page(3, "U0GONE", 0)).sent()).isFalse();
    assertThat(slack.sent).hasValue(1);
    assertThat(log.forIncident(7)).extracting(NotificationLog.Entry::status)
        .containsOnly(NotificationLog.FAILED);
  }
}
