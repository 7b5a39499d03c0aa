package dev.firebreak.activities.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.activities.security.SlackPermissions.Action;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlackPermissionsTest {

  @Test
  void aSlackUserWhoMatchesNoOneMayDeclareAndEscalateOnly() {
    assertThat(SlackPermissions.refusal(Optional.empty(), Action.DECLARE)).isNull();
    assertThat(SlackPermissions.refusal(Optional.empty(), Action.ESCALATE)).isNull();
    assertThat(SlackPermissions.refusal(Optional.empty(), Action.HELP)).isNull();
    assertThat(SlackPermissions.refusal(Optional.empty(), Action.WORK))
        .contains("not a Firebreak user");
    assertThat(SlackPermissions.refusal(Optional.empty(), Action.READ))
        .contains("not a Firebreak user");
  }

  @Test
  void subcommandsAskForWhatTheyDo() {
    assertThat(SlackPermissions.actionOf("open")).isEqualTo(Action.DECLARE);
    assertThat(SlackPermissions.actionOf("sos")).isEqualTo(Action.ESCALATE);
    assertThat(SlackPermissions.actionOf("close")).isEqualTo(Action.WORK);
    assertThat(SlackPermissions.actionOf("oncall")).isEqualTo(Action.READ);
  }

  @Test
  void matchedSlackUsersActWithTheirRole() {
    assertThat(SlackPermissions.refusal(Optional.of(Role.OBSERVER), Action.READ)).isNull();
    assertThat(SlackPermissions.refusal(Optional.of(Role.OBSERVER), Action.ESCALATE)).isNull();
    assertThat(SlackPermissions.refusal(Optional.of(Role.OBSERVER), Action.DECLARE))
        .contains("observer may only look and escalate");
    assertThat(SlackPermissions.refusal(Optional.of(Role.OBSERVER), Action.WORK)).isNotNull();
    assertThat(SlackPermissions.refusal(Optional.of(Role.RESPONDER), Action.WORK)).isNull();
    assertThat(SlackPermissions.refusal(Optional.of(Role.ADMIN), Action.DECLARE)).isNull();
  }
}
