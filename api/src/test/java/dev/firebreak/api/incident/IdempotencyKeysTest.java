package dev.firebreak.api.incident;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.api.problem.ApiException;
import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {

  @Test
  void aKeyIsOneTo255VisibleAsciiCharacters() {
    assertThatCode(() -> IdempotencyKeys.check("8e03978e-40d5-43e8-bc93-6894a57f9324"))
        .doesNotThrowAnyException();
    assertThatCode(() -> IdempotencyKeys.check("k".repeat(255))).doesNotThrowAnyException();
    for (String bad : new String[] {"", "k".repeat(256), "two words", "tab\t", "é"}) {
      assertThatThrownBy(() -> IdempotencyKeys.check(bad))
          .isInstanceOf(ApiException.class)
          .hasMessageContaining("Idempotency-Key");
    }
  }
}
