package dev.firebreak.activities.shiftswap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import dev.firebreak.activities.TestDatabase;
import dev.firebreak.activities.directory.User;
import dev.firebreak.activities.directory.UserStore;
import dev.firebreak.activities.oncall.OnCallLookup;
import dev.firebreak.activities.oncall.ScheduleStore;
import dev.firebreak.activities.oncall.Schedules;
import dev.firebreak.activities.shiftswap.ShiftRequests.ShiftRequestDraft;
import dev.firebreak.workflows.oncall.Layer;
import dev.firebreak.workflows.oncall.Rotation;
import dev.firebreak.workflows.oncall.Schedule;
import dev.firebreak.workflows.validation.Conflict;
import dev.firebreak.workflows.validation.InvalidInput;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import javax.sql.DataSource;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cover requests against a real PostgreSQL: taking one changes the final shifts (an override),
 * never only the request's status (Grafana OnCall #4538).
 */
class ShiftRequestsTest {

  static DataSource dataSource;
  /** Ann is on call on even days from 09:00 UTC, Bob on odd days. */
  static final Instant NOW = Instant.parse("2026-11-02T12:00:00Z");
  static final Instant ANNS_NEXT = Instant.parse("2026-11-04T09:00:00Z");

  ShiftRequests requests;
  OnCallLookup onCall;
  ScheduleStore schedules;
  long ann;
  long bob;
  long cy;
  Schedule primary;

  /** Slack at its HTTP boundary. */
  static WireMockServer slack;

  @BeforeAll
  static void database() {
    dataSource = TestDatabase.migrated();
    slack = new WireMockServer(options().dynamicPort());
    slack.start();
  }

  @AfterAll
  static void stopSlack() {
    slack.stop();
  }

  List<String> dms() {
    return slack.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))).stream()
        .map(r -> r.getBodyAsString()).toList();
  }

  @BeforeEach
  void empty() {
    JdbcClient jdbc = JdbcClient.create(dataSource);
    jdbc.sql("TRUNCATE app_user, schedule CASCADE").update();
    UserStore users = new UserStore(jdbc);
    schedules = new ScheduleStore(jdbc);
    onCall = new OnCallLookup(schedules, users);
    slack.resetAll();
    slack.stubFor(post(urlEqualTo("/api/chat.postMessage"))
        .willReturn(okJson("{\"ok\":true}")));
    requests = new ShiftRequests(new ShiftRequestStore(jdbc),
        new Schedules(schedules, users, onCall), onCall,
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)), users,
        new ShiftNotices(slack.baseUrl() + "/api/", "xoxb-test"));
    ann = users.create("Ann", "ann@x.test", "U0ANN", "UTC").id();
    bob = users.create("Bob", "bob@x.test", "U0BOB", "UTC").id();
    cy = users.create("Cy", "cy@x.test", "U0CY", "UTC").id();
    primary = schedules.create(new Schedule(0, "Primary", "UTC", List.of(new Layer("daily",
        LocalDateTime.parse("2026-11-02T09:00"), Rotation.DAILY, List.of(ann, bob), List.of()))));
  }

  List<String> finalShifts(Instant from, Instant to) {
    return onCall.shifts(primary, from, to).stream().map(s -> s.start() + " "
        + s.users().stream().map(User::name).toList()).toList();
  }

  @Test
  void takingARequestMovesTheShiftToTheTaker() {
    Instant end = ANNS_NEXT.plusSeconds(24 * 3600);
    assertThat(finalShifts(ANNS_NEXT, end)).containsExactly(ANNS_NEXT + " [Ann]");

    ShiftRequest asked = requests.request(primary.id(),
        new ShiftRequestDraft(ann, ANNS_NEXT, end, "dentist"), NOW);
    assertThat(asked.status()).isEqualTo("OPEN");
    // the schedule's other person is told; Ann, who asks, is not
    assertThat(dms()).hasSize(1);
    assertThat(dms().get(0)).contains("U0BOB").contains("Ann asks for cover in Primary")
        .contains("dentist");
    assertThat(finalShifts(ANNS_NEXT, end)).containsExactly(ANNS_NEXT + " [Ann]");

    ShiftRequest taken = requests.take(primary.id(), asked.id(), cy, NOW.plusSeconds(60));
    assertThat(taken.status()).isEqualTo("TAKEN");
    assertThat(taken.takenBy()).isEqualTo(cy);
    assertThat(taken.overrideId()).isNotNull();
    assertThat(finalShifts(ANNS_NEXT, end)).containsExactly(ANNS_NEXT + " [Cy]");
    assertThat(onCall.userIdsAt(primary, ANNS_NEXT.plusSeconds(3600))).containsExactly(cy);
    // both people get a confirmation
    assertThat(dms()).hasSize(3);
    assertThat(dms().subList(1, 3)).allSatisfy(dm -> assertThat(dm)
        .contains("Cy covers Ann in Primary"));
    assertThat(String.join(" ", dms().subList(1, 3))).contains("U0ANN").contains("U0CY");

    assertThatThrownBy(() -> requests.take(primary.id(), asked.id(), bob, NOW.plusSeconds(90)))
        .isInstanceOf(Conflict.class).hasMessageContaining("is taken");
  }

  @Test
  void aRequestExpiresWhenItsStartPassesAndOnlyThePersonOnCallMayAsk() {
    ShiftRequest asked = requests.request(primary.id(),
        new ShiftRequestDraft(ann, ANNS_NEXT, ANNS_NEXT.plusSeconds(3600), null), NOW);
    Instant later = ANNS_NEXT.plusSeconds(1);
    assertThat(requests.list(primary.id(), later)).extracting(ShiftRequest::status)
        .containsExactly("EXPIRED");
    assertThatThrownBy(() -> requests.take(primary.id(), asked.id(), cy, later))
        .isInstanceOf(Conflict.class).hasMessageContaining("expired");
    assertThat(finalShifts(ANNS_NEXT, ANNS_NEXT.plusSeconds(3600)))
        .containsExactly(ANNS_NEXT + " [Ann]");

    assertThatThrownBy(() -> requests.request(primary.id(),
        new ShiftRequestDraft(bob, ANNS_NEXT, ANNS_NEXT.plusSeconds(3600), null), NOW))
        .isInstanceOf(InvalidInput.class);
    assertThatThrownBy(() -> requests.request(primary.id(),
        new ShiftRequestDraft(ann, NOW.minusSeconds(60), NOW.plusSeconds(60), null), NOW))
        .isInstanceOf(InvalidInput.class);
  }
}
