package dev.firebreak.api.slack.scenarios;

import dev.firebreak.activities.directory.Users;
import dev.firebreak.activities.slack.SlackInteractions;
import dev.firebreak.activities.directory.TeamStore;
import dev.firebreak.activities.integrations.pagerduty.PagerDutyOnCalls;
import dev.firebreak.activities.oncall.OnCallLookup;
import dev.firebreak.activities.services.Services;

import dev.firebreak.activities.directory.Service;
import dev.firebreak.activities.directory.ServiceStore;
import dev.firebreak.activities.directory.UserStore;
import dev.firebreak.activities.integrations.pagerduty.PagerDutySettings;
import dev.firebreak.activities.integrations.pagerduty.PagerDutyStore;
import dev.firebreak.activities.oncall.EscalationPolicyStore;
import dev.firebreak.activities.oncall.ScheduleStore;
import dev.firebreak.activities.slack.SlackStore;
import dev.firebreak.activities.store.EmbeddedDatabase;
import dev.firebreak.activities.store.IncidentStore;
import dev.firebreak.api.slack.SlackAuthors;
import dev.firebreak.api.slack.SlackOnCall;
import dev.firebreak.workflows.escalation.EscalationPolicy;
import dev.firebreak.workflows.incident.messages.Incident;
import dev.firebreak.workflows.slack.IncidentChannel;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
  final ScheduleStore schedules;
  final EscalationPolicyStore policies;
  final SlackAuthors authors;
  /** The application service the scenarios use over these stores. */
  final SlackInteractions interactions;

  SlackStores() {
    dataSource = EmbeddedDatabase.get().getPostgresDatabase();
    Flyway.configure().dataSource(dataSource).cleanDisabled(false).load().clean();
    Flyway.configure().dataSource(dataSource).load().migrate();
    jdbc = JdbcClient.create(dataSource);
    slack = new SlackStore(jdbc);
    users = new UserStore(jdbc);
    services = new ServiceStore(jdbc);
    readModel = new IncidentStore(jdbc);
    schedules = new ScheduleStore(jdbc);
    policies = new EscalationPolicyStore(jdbc);
    authors = new SlackAuthors(new Users(users));
    interactions = new SlackInteractions(slack, services);
  }

  /** Incidents recorded in this database's read model. */
  RecordingIncidents incidents() {
    return new RecordingIncidents(readModel);
  }

  /** What {@code /incident oncall} shows, from these stores, with PagerDuty disabled. */
  SlackOnCall onCall() {
    return new SlackOnCall(new OnCallLookup(schedules, users),
        new Services(services, new TeamStore(jdbc), policies),
        new PagerDutySettings(false, "", "", "https://api.pagerduty.com"),
        new PagerDutyOnCalls(new PagerDutyStore(jdbc, new TransactionTemplate(
            new DataSourceTransactionManager(dataSource)))));
  }

  /** A service whose escalation policy pages {@code userId}. */
  Service pagedService(String name, long userId) {
    EscalationPolicy policy = policies.create(new EscalationPolicy(0, name + " policy", 0,
        List.of(new EscalationPolicy.Step(0, List.of(
            new EscalationPolicy.Target(EscalationPolicy.TargetType.USER, userId))))));
    return services.create(new Service(0, name, null, null, null, policy.id(), true,
        Service.defaultSeverityPriorities(), 30));
  }

  /** {@code channelId} is the Slack channel of the incident (already in the read model). */
  void channel(Incident incident, String channelId) {
    slack.saveChannel(incident.id(), new IncidentChannel(channelId, "inc-" + incident.id(), false));
  }
}
