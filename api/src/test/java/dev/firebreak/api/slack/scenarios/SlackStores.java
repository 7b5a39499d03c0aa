package dev.firebreak.api.slack.scenarios;

import dev.firebreak.activities.directory.ServiceStore;
import dev.firebreak.activities.directory.UserStore;
import dev.firebreak.activities.slack.SlackStore;
import dev.firebreak.activities.store.EmbeddedDatabase;
import dev.firebreak.activities.store.IncidentStore;
import dev.firebreak.api.slack.SlackAuthors;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.slack.IncidentChannel;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The stores the scenarios read and write, on the test JVM's embedded PostgreSQL, emptied and
 * migrated by the real Flyway scripts for each test.
 */
final class SlackStores {

  final DataSource dataSource;
  final JdbcClient jdbc;
  final SlackStore slack;
  final UserStore users;
  final ServiceStore services;
  final IncidentStore readModel;
  final SlackAuthors authors;

  SlackStores() {
    dataSource = EmbeddedDatabase.get().getPostgresDatabase();
    Flyway.configure().dataSource(dataSource).cleanDisabled(false).load().clean();
    Flyway.configure().dataSource(dataSource).load().migrate();
    jdbc = JdbcClient.create(dataSource);
    slack = new SlackStore(jdbc);
    users = new UserStore(jdbc);
    services = new ServiceStore(jdbc);
    readModel = new IncidentStore(jdbc);
    authors = new SlackAuthors(users);
  }

  /** Incidents recorded in this database's read model. */
  RecordingIncidents incidents() {
    return new RecordingIncidents(readModel);
  }

  /** {@code channelId} is the Slack channel of the incident (already in the read model). */
  void channel(Incident incident, String channelId) {
    slack.saveChannel(incident.id(), new IncidentChannel(channelId, "inc-" + incident.id(), false));
  }
}
