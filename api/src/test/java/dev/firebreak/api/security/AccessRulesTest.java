package dev.firebreak.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.activities.security.Role;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessRulesTest {

  @Test
  void aVariablesRegexIsDroppedFromItsPattern() {
    assertThat(AccessRules.plain("/api/v1/heartbeats/{id:\\d+}")).isEqualTo("/api/v1/heartbeats/{id}");
    assertThat(AccessRules.plain("/api/v1/heartbeats/{key:[0-9a-f]{32}}/ping"))
        .isEqualTo("/api/v1/heartbeats/{key}/ping");
    assertThat(AccessRules.of("GET", "/api/v1/heartbeats/{id:\\d+}")).isPresent();
    assertThat(AccessRules.of("GET", "/api/v1/nothing")).isEmpty();
  }

  @Test
  void aTeamTokenManagesItsTeamOnlyAndAnObserverNothing() {
    Caller teamToken = new Caller("t", null, Role.RESPONDER, 7L, Set.of(), "token");
    assertThat(teamToken.mayManage(7L)).isTrue();
    assertThat(teamToken.mayManage(8L)).isFalse();
    assertThat(teamToken.mayManage(null)).isFalse();
    assertThat(teamToken.admin()).isFalse();
    Caller observerManager = new Caller("o", 1L, Role.OBSERVER, null, Set.of(7L), "session");
    assertThat(observerManager.mayManage(7L)).isFalse();
    Caller manager = new Caller("m", 1L, Role.RESPONDER, null, Set.of(7L), "session");
    assertThat(manager.mayManage(7L)).isTrue();
    assertThat(new Caller("a", null, Role.ADMIN, null, Set.of(), "admin-token").mayManage(null))
        .isTrue();
  }
}
