package dev.firebreak.activities.store;

import dev.firebreak.activities.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.workflows.incident.messages.Environment;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.KeyEvents;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Roles;
import dev.firebreak.workflows.incident.messages.Status;
import dev.firebreak.workflows.incident.messages.TimelineEntry;
import dev.firebreak.workflows.incident.messages.TimelineKind;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The read model against a real PostgreSQL server, migrated by the real Flyway scripts. */
class IncidentStoreTest {

  static DataSource dataSource;
  static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  IncidentStore store;

  @BeforeAll
  static void database() {
    dataSource = TestDatabase.migrated();
  }

  @BeforeEach
  void empty() {
    JdbcClient jdbc = JdbcClient.create(dataSource);
    jdbc.sql("TRUNCATE incident CASCADE").update();
    store = new IncidentStore(jdbc);
  }

  Incident incident(String dedupKey, Priority priority, Status status, long version) {
    long id = store.nextId();
    return new Incident(id, "Incident " + id, "what happened", priority, Environment.PRD, "db",
        true, dedupKey, T0.plusSeconds(id), "alice", status, null, new Roles("alice", null),
        KeyEvents.NONE.withDeclaredIfUnset(T0), version, null);
  }

  @Test
  void anInsertedIncidentReadsBackWholeAndIdsFollowEachOther() {
    Incident first = incident("k-1", Priority.P2, Status.OPEN, 0);
    store.insert(first);
    Incident second = incident(null, Priority.P4, Status.OPEN, 0);
    store.insert(second);

    assertThat(store.find(first.id())).contains(first);
    assertThat(second.id()).isEqualTo(first.id() + 1);
    assertThat(store.find(999_999)).isEmpty();
  }

  @Test
  void projectionKeepsOnlyTheNewestVersionWhateverTheOrder() {
    Incident v1 = incident(null, Priority.P2, Status.OPEN, 1);
    Incident v3 = v1.withStatus(Status.MITIGATED, null).nextVersion().nextVersion();
    Incident v2 = v1.withStatus(Status.INVESTIGATING, null).nextVersion();
    store.project(v1, List.of());
    store.project(v3, List.of());
    store.project(v2, List.of());
    store.project(v3, List.of());

    assertThat(store.find(v1.id())).get().satisfies(found -> {
      assertThat(found.status()).isEqualTo(Status.MITIGATED);
      assertThat(found.version()).isEqualTo(3);
    });
  }

  @Test
  void timelineEntriesAreStoredOnceInOrder() {
    Incident incident = incident(null, Priority.P1, Status.OPEN, 1);
    TimelineEntry declared =
        new TimelineEntry(incident.id(), 1, T0, TimelineKind.DECLARED, "declared", "alice");
    TimelineEntry update =
        new TimelineEntry(incident.id(), 2, T0.plusSeconds(5), TimelineKind.UPDATE, "hi", "bob");
    store.project(incident, List.of(update));
    store.project(incident, List.of(declared));
    store.project(incident.nextVersion(), List.of(update, declared));

    assertThat(store.timeline(incident.id())).containsExactly(declared, update);
  }

  @Test
  void onlyOneOpenIncidentPerDedupKey() {
    Incident open = incident("db-down", Priority.P1, Status.OPEN, 0);
    store.insert(open);
    assertThatThrownBy(() -> store.insert(incident("db-down", Priority.P1, Status.OPEN, 0)))
        .isInstanceOf(DuplicateKeyException.class);
    assertThat(store.findOpenByDedupKey("db-down")).contains(open);

    store.project(open.withStatus(Status.CLOSED, null).nextVersion(), List.of());
    assertThat(store.findOpenByDedupKey("db-down")).isEmpty();
    Incident reopened = incident("db-down", Priority.P1, Status.OPEN, 0);
    store.insert(reopened);
    assertThat(store.findOpenByDedupKey("db-down")).contains(reopened);
  }

  @Test
  void listingFiltersAndPagesNewestFirst() {
    for (int i = 0; i < 5; i++) {
      store.insert(incident(null, i % 2 == 0 ? Priority.P1 : Priority.P3, Status.OPEN, 0));
    }
    Incident mitigated = incident(null, Priority.P1, Status.MITIGATED, 0);
    store.insert(mitigated);

    List<Incident> all = store.list(IncidentFilter.ALL, 10, 0);
    assertThat(all).hasSize(6);
    assertThat(all).extracting(Incident::id).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(store.list(new IncidentFilter(null, Priority.P1, null), 10, 0)).hasSize(4);
    assertThat(store.list(new IncidentFilter(Status.MITIGATED, Priority.P1, Environment.PRD), 10, 0))
        .containsExactly(mitigated);
    assertThat(store.list(new IncidentFilter(null, null, Environment.STG), 10, 0)).isEmpty();
    assertThat(store.count(new IncidentFilter(Status.OPEN, null, null))).isEqualTo(5);

    List<Incident> page2 = store.list(IncidentFilter.ALL, 4, 4);
    assertThat(page2).extracting(Incident::id)
        .containsExactly(all.get(4).id(), all.get(5).id());
  }

  @Test
  void analyticsMeasureTheTimeToDetectMitigateAndResolve() {
    IncidentAnalytics analytics = new IncidentAnalytics(JdbcClient.create(dataSource));
    // declared at T0 + id seconds; mitigated 10, 20, 30 minutes later; one never mitigated
    for (int minutes : new int[] {10, 20, 30, 0}) {
      Incident incident = incident(null, Priority.P1, Status.OPEN, 0);
      Instant declared = incident.createdAt();
      KeyEvents events = minutes == 0 ? new KeyEvents(null, null, declared, null, null, null)
          : new KeyEvents(declared.minusSeconds(120), declared.minusSeconds(60), declared,
              declared.plusSeconds(minutes * 60L), null, declared.plusSeconds(minutes * 120L));
      store.insert(incident.withKeyEvents(events)
          .withStatus(minutes == 0 ? Status.OPEN : Status.CLOSED, null));
    }
    IncidentAnalytics.Report report =
        analytics.report(T0.minusSeconds(3600), T0.plusSeconds(86_400), null);

    assertThat(report.incidents()).isEqualTo(4);
    assertThat(report.byPriority()).containsEntry("P1", 4L);
    assertThat(report.byStatus()).containsEntry("CLOSED", 3L).containsEntry("OPEN", 1L);
    assertThat(report.timeToDetect().count()).isEqualTo(3);
    assertThat(report.timeToDetect().meanSeconds()).isEqualTo(60.0);
    assertThat(report.timeToAcknowledge().count()).isZero();
    assertThat(report.timeToAcknowledge().meanSeconds()).isNull();
    assertThat(report.timeToMitigate().count()).isEqualTo(3);
    assertThat(report.timeToMitigate().meanSeconds()).isEqualTo(1200.0);
    assertThat(report.timeToMitigate().medianSeconds()).isEqualTo(1200.0);
    assertThat(report.timeToResolve().medianSeconds()).isEqualTo(2400.0);
    assertThat(analytics.report(T0.plusSeconds(86_400), T0.plusSeconds(90_000), null).incidents())
        .isZero();
  }
}
