package dev.firebreak.activities.integrations;

import dev.firebreak.activities.TestDatabase;
import dev.firebreak.activities.integrations.confluence.ConfluenceSettings;
import dev.firebreak.activities.integrations.jira.JiraSettings;
import dev.firebreak.activities.store.IncidentStore;
import dev.firebreak.workflows.incident.messages.Environment;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.incident.messages.KeyEvents;
import dev.firebreak.workflows.incident.messages.Priority;
import dev.firebreak.workflows.incident.messages.Roles;
import dev.firebreak.workflows.incident.messages.Status;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A migrated real PostgreSQL and helpers shared by the integration tests of this module. */
final class IntegrationTestSupport {

  static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  private IntegrationTestSupport() {}

  static DataSource database() {
    DataSource dataSource = TestDatabase.migrated();
    return dataSource;
  }

  static TransactionTemplate transactions(DataSource dataSource) {
    return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  static Incident insertIncident(IncidentStore store, String title, Priority priority,
      String createdBy) {
    long id = store.nextId();
    Incident incident = new Incident(id, title, "500s on /pay since the deploy", priority,
        Environment.PRD, "payments", false, null, T0, createdBy, Status.OPEN, null,
        new Roles("alice", "bob"), KeyEvents.NONE.withDeclaredIfUnset(T0), 1, null);
    store.insert(incident);
    return incident;
  }

  static IntegrationSettings settings(JiraSettings jira, ConfluenceSettings confluence) {
    return new IntegrationSettings(jira, confluence, 3, Duration.ofMillis(100),
        "https://firebreak.example/incidents/{id}");
  }

  static ApplicationFailure failureOf(Runnable call) {
    try {
      call.run();
    } catch (ApplicationFailure failure) {
      return failure;
    }
    throw new AssertionError("no ApplicationFailure was thrown");
  }

  static JdbcClient jdbc(DataSource dataSource) {
    return JdbcClient.create(dataSource);
  }
}
