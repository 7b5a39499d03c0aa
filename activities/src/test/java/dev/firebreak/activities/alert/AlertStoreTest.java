package dev.firebreak.activities.alert;

import dev.firebreak.activities.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.workflows.alert.messages.AlertAction;
import dev.firebreak.workflows.alert.messages.AlertEventRecord;
import dev.firebreak.workflows.alert.messages.AlertGroup;
import dev.firebreak.workflows.alert.messages.AlertStatus;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.activities.temporal.PermanentErrors;
import dev.firebreak.workflows.Retries;
import dev.firebreak.workflows.alert.messages.QuarantinedEvent;
import io.temporal.failure.ApplicationFailure;
import java.sql.SQLException;
import java.time.Instant;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The alert read model against a real PostgreSQL, migrated by the real Flyway scripts. */
class AlertStoreTest {

  static DataSource dataSource;
  static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  AlertStore store;

  @BeforeAll
  static void database() {
    dataSource = TestDatabase.migrated();
  }

  @BeforeEach
  void empty() {
    JdbcClient jdbc = JdbcClient.create(dataSource);
    jdbc.sql("TRUNCATE alert_group, suppressed_event, alert_quarantine CASCADE").update();
    store = new AlertStore(jdbc);
  }

  static AlertGroup group(String openKey, long count, AlertStatus status, long version) {
    return new AlertGroup(null, openKey, "alert-1-abc", 1, "disk", "Disk full", "db-1",
        "critical", Priority.P1, status, count, T0, T0.plusSeconds(count), null,
        status == AlertStatus.RESOLVED ? T0.plusSeconds(99) : null, null, version);
  }

  static AlertEventRecord event(int seq, int count) {
    return new AlertEventRecord(seq, T0.plusSeconds(seq), AlertAction.TRIGGER, count, "Disk full",
        "critical", "{\"free\":0}");
  }

  @Test
  void projectionsAreIdempotentAndKeepOnlyTheNewestVersion() {
    long id = store.project(group("run-a/1", 1, AlertStatus.TRIGGERED, 1), List.of(event(1, 1)));
    // a retry of the same projection: same row, no second event
    assertThat(store.project(group("run-a/1", 1, AlertStatus.TRIGGERED, 1), List.of(event(1, 1))))
        .isEqualTo(id);
    assertThat(store.project(group("run-a/1", 40, AlertStatus.TRIGGERED, 3),
        List.of(event(2, 39)))).isEqualTo(id);
    // an older copy arriving late changes nothing
    store.project(group("run-a/1", 5, AlertStatus.TRIGGERED, 2), List.of());

    AlertGroup stored = store.find(id).orElseThrow();
    assertThat(stored.count()).isEqualTo(40);
    assertThat(stored.version()).isEqualTo(3);
    assertThat(store.recentEvents(id)).extracting(AlertEventRecord::seq).containsExactly(2, 1);

    store.linkIncident(id, 77);
    assertThat(store.incidentOf(id)).contains(77L);
    store.project(group("run-a/1", 41, AlertStatus.RESOLVED, 4), List.of());
    assertThat(store.find(id).orElseThrow().incidentId()).isEqualTo(77L); // kept

    long next = store.project(group("run-a/2", 1, AlertStatus.TRIGGERED, 1), List.of());
    assertThat(next).isNotEqualTo(id);
    assertThat(store.count(new AlertStore.Filter(1L, null))).isEqualTo(2);
    assertThat(store.list(new AlertStore.Filter(1L, AlertStatus.RESOLVED), 10, 0))
        .extracting(AlertGroup::id).containsExactly(id);
    assertThat(store.list(new AlertStore.Filter(null, null), 10, 0))
        .extracting(AlertGroup::id).containsExactly(next, id);
  }

  @Test
  void suppressedEventsAreRecorded() {
    store.suppress(1, "drop tests", "k", "trigger", "[test] x", "{\"a\":1}");
    assertThat(store.suppressed(1, 10)).singleElement()
        .satisfies(s -> assertThat(s.ruleName()).isEqualTo("drop tests"));
    assertThat(store.suppressed(2, 10)).isEmpty();
  }

  static AlertGroup withText(String dedupKey, String summary) {
    return new AlertGroup(null, "run-p/1", "alert-1-abc", 1, dedupKey, summary, "db-1",
        "critical", Priority.P1, AlertStatus.TRIGGERED, 1, T0, T0, null, null, null, 1);
  }

  /** What PostgreSQL refuses for good is told apart from what a retry may fix. */
  @Test
  void refusedDataIsAPermanentFailureOfItsOwnType() {
    RuntimeException nul = catchRuntime(
        () -> store.project(withText("disk", "Disk\u0000full"), List.of()));
    RuntimeException longKey = catchRuntime(
        () -> store.project(withText("f".repeat(300), "Disk full"), List.of()));
    for (RuntimeException refused : List.of(nul, longKey)) {
      assertThat(PermanentErrors.classify(refused)).isInstanceOfSatisfying(
          ApplicationFailure.class, f -> {
            assertThat(f.isNonRetryable()).isTrue();
            assertThat(f.getType()).isEqualTo(Retries.PERMANENT_DATA_ERROR);
            assertThat(f.getOriginalMessage()).startsWith("SQLState 22");
          });
    }
    // a lost connection is not the data's fault: left as it is, to be retried
    RuntimeException outage = new CannotGetJdbcConnectionException("Connection is closed",
        new SQLException("Connection is closed", "08003"));
    assertThat(PermanentErrors.classify(outage)).isSameAs(outage);
    assertThat(store.list(new AlertStore.Filter(null, null), 10, 0)).isEmpty();
  }

  @Test
  void aQuarantinedEventIsKeptEscapedAndARewriteOfItsKeyWins() {
    long id = store.project(group("run-a/1", 1, AlertStatus.TRIGGERED, 1), List.of(event(1, 1)));
    QuarantinedEvent q = new QuarantinedEvent("run-x/1", "alert-1-abc", 1, "disk", id,
        "PermanentDataError: invalid byte sequence", null, T0);
    assertThat(store.quarantine(q, "{\"summary\":\"Disk\u0000full \ud800\"}")).isTrue();
    assertThat(store.quarantine(q, "{\"summary\":\"Disk\u0000full, again\"}")).isFalse();
    String longKey = "f".repeat(300) + "\u0000";
    assertThat(store.quarantine(new QuarantinedEvent("run-y/1", "alert-1-def", 1, longKey, null,
        "PermanentDataError: value too long", null, T0), "{}")).isTrue();

    assertThat(store.quarantined(id, 10)).singleElement().satisfies(kept -> {
      assertThat(kept.event()).isEqualTo("{\"summary\":\"Disk\\u0000full, again\"}");
      assertThat(kept.reason()).isEqualTo("PermanentDataError: invalid byte sequence");
      assertThat(kept.groupId()).isEqualTo(id);
    });
    assertThat(store.quarantinedWithoutGroup(1L, 10)).singleElement()
        .satisfies(kept -> assertThat(kept.dedupKey()).isEqualTo("f".repeat(300) + "\\u0000"));
    assertThat(store.quarantinedWithoutGroup(2L, 10)).isEmpty();
    assertThat(AlertStore.escaped("a\u0000b\ud800c\ud83d\ude00"))
        .isEqualTo("a\\u0000b\\ud800c\ud83d\ude00");
  }

  private static RuntimeException catchRuntime(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("expected the database to refuse");
  }
}
