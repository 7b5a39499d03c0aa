package dev.firebreak.activities.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.activities.TestDatabase;
import dev.firebreak.activities.directory.ServiceStore;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The access stores on a real PostgreSQL migrated by the real scripts. */
class AccessStoresTest {

  JdbcClient jdbc;
  AccessStore access;
  ApiTokenStore tokens;
  AuditLog audit;
  TeamScopes scopes;
  long user;

  @BeforeEach
  void database() {
    jdbc = JdbcClient.create(TestDatabase.migrated());
    access = new AccessStore(jdbc);
    tokens = new ApiTokenStore(jdbc);
    audit = new AuditLog(jdbc);
    scopes = new TeamScopes(jdbc);
    user = jdbc.sql("INSERT INTO app_user (name, email) VALUES ('Ann', 'ann@x.test') RETURNING id")
        .query(Long.class).single();
  }

  @Test
  void failedLoginsLockTheAccountForLongerEachTime() {
    access.setPassword(user, "{bcrypt}hash");
    Instant now = Instant.parse("2026-11-29T10:00:00Z");
    for (int i = 1; i < AccessStore.FREE_ATTEMPTS; i++) {
      assertThat(access.failed(user, now)).as("failure " + i).isNull();
    }
    assertThat(access.failed(user, now)).isEqualTo(now.plusSeconds(30));
    assertThat(access.credential(user).orElseThrow().locked(now.plusSeconds(29))).isTrue();
    assertThat(access.credential(user).orElseThrow().locked(now.plusSeconds(31))).isFalse();
    assertThat(access.failed(user, now)).isEqualTo(now.plusSeconds(60));
    for (int i = 0; i < 20; i++) {
      access.failed(user, now);
    }
    assertThat(access.credential(user).orElseThrow().lockedUntil())
        .isEqualTo(now.plus(Duration.ofMinutes(15)));
    access.succeeded(user);
    assertThat(access.credential(user).orElseThrow().failedAttempts()).isZero();
    assertThat(access.credential(user).orElseThrow().lockedUntil()).isNull();
  }

  @Test
  void aTokenIsFoundByItsSecretOnlyWhileUsable() {
    IssuedToken issued = tokens.issue("ci", Role.RESPONDER, null, "admin", user, null);
    assertThat(issued.secret()).startsWith("fbt_").hasSizeGreaterThan(40);
    assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE token_hash = :s OR prefix = :s")
        .param("s", issued.secret()).query(Long.class).single()).isZero();
    assertThat(tokens.findBySecret(issued.secret()).orElseThrow().role()).isEqualTo(Role.RESPONDER);
    assertThat(tokens.findBySecret(issued.secret() + "x")).isEmpty();
    assertThat(tokens.list(user)).hasSize(1);
    assertThat(tokens.list(user + 1)).isEmpty();
    tokens.revoke(issued.token().id());
    assertThat(tokens.findBySecret(issued.secret()).orElseThrow().usable(Instant.now())).isFalse();

    IssuedToken expiring = tokens.issue("short", Role.OBSERVER, null, "admin", null,
        Instant.now().plusSeconds(60));
    assertThat(expiring.token().usable(Instant.now())).isTrue();
    assertThat(expiring.token().usable(Instant.now().plusSeconds(61))).isFalse();
  }

  @Test
  void configurationBelongsToTheTeamOfItsService() {
    long team = jdbc.sql("INSERT INTO team (name) VALUES ('A') RETURNING id").query(Long.class)
        .single();
    long service = new ServiceStore(jdbc).create(new dev.firebreak.activities.directory.Service(
        0, "checkout", null, null, team, null, true,
        dev.firebreak.activities.directory.Service.defaultSeverityPriorities(), null)).id();
    long channel = jdbc.sql("INSERT INTO receive_channel (name, type, service_id, key)"
            + " VALUES ('am', 'alertmanager', :s, '0123456789abcdef0123456789abcdef') RETURNING id")
        .param("s", service).query(Long.class).single();
    assertThat(scopes.owner(Owned.SERVICE, service)).isEqualTo(new TeamScopes.Owner(true, team));
    assertThat(scopes.owner(Owned.RECEIVE_CHANNEL, channel).teamId()).isEqualTo(team);
    assertThat(scopes.owner(Owned.SERVICE, 999_999).exists()).isFalse();
    long schedule = jdbc.sql("INSERT INTO schedule (name, time_zone, layers) VALUES ('s', 'UTC',"
        + " '[]') RETURNING id").query(Long.class).single();
    assertThat(scopes.owner(Owned.SCHEDULE, schedule)).isEqualTo(new TeamScopes.Owner(true, null));
    scopes.assign(Owned.SCHEDULE, schedule, team);
    assertThat(scopes.owner(Owned.SCHEDULE, schedule).teamId()).isEqualTo(team);
    access.setManager(team, user, true);
    assertThat(access.managedTeams(user)).containsExactly(team);
    assertThat(scopes.snapshot(Owned.TEAM, team).orElseThrow()).contains("\"managers\": [" + user);
    assertThat(new KeyRotation(jdbc).rotateChannelKey(channel).orElseThrow())
        .hasSize(32).isNotEqualTo("0123456789abcdef0123456789abcdef");
  }

  @Test
  void theAuditLogIsFoundByActorAndTime() {
    audit.record("ann@x.test", "auth.login", "password", null, null, null);
    audit.record("bob@x.test", "PUT /api/v1/services/{id}", "/api/v1/services/1",
        "{\"name\": \"a\"}", "{\"name\": \"b\"}", null);
    assertThat(audit.find("bob@x.test", null, 10)).singleElement()
        .satisfies(e -> assertThat(e.after()).contains("\"b\""));
    assertThat(audit.find(null, Instant.now().minusSeconds(60), 10)).hasSize(2);
    assertThat(audit.find(null, Instant.now().plusSeconds(60), 10)).isEmpty();
  }

  @Test
  void secretsCompareInConstantTimeAndCarry256Bits() {
    String a = Secrets.generate("fbt_");
    assertThat(Secrets.same(a, a)).isTrue();
    assertThat(Secrets.same(a, Secrets.generate("fbt_"))).isFalse();
    assertThat(Secrets.same(a, null)).isFalse();
    assertThat(a.length() - 4).isEqualTo(43);
  }
}
