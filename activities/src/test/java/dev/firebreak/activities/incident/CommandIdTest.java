package dev.firebreak.activities.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandIdTest {

  @Test
  void anIdempotencyKeyGivesOneUpdateIdPerOperation() {
    assertThat(CommandId.fromIdempotencyKey("status", "k1"))
        .isEqualTo(CommandId.fromIdempotencyKey("status", "k1"))
        .isNotEqualTo(CommandId.fromIdempotencyKey("roles", "k1"));
    assertThat(CommandId.fromIdempotencyKey("status", "k1").value()).isEqualTo("api-status-k1");
  }

  @Test
  void withoutAKeyEveryRequestIsANewCommand() {
    assertThat(CommandId.fromIdempotencyKey("status", null))
        .isNotEqualTo(CommandId.fromIdempotencyKey("status", null));
    assertThatThrownBy(() -> CommandId.of(" ")).isInstanceOf(IllegalArgumentException.class);
  }
}
