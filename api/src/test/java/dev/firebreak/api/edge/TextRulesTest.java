package dev.firebreak.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The text every endpoint accepts, and the JSON walk that applies it to event bodies. */
class TextRulesTest {

  @Test
  void allowsTabsNewlinesAndSurrogatePairsButNoOtherControlOrLoneSurrogate() {
    assertThat(TextRules.problem("disk\tfull\r\non db-1 \uD83D\uDD25")).isNull();
    assertThat(TextRules.problem("a\u0000b")).contains("NUL");
    assertThat(TextRules.problem("bell\u0007")).contains("U+0007");
    assertThat(TextRules.problem("del\u007F")).contains("U+007F");
    assertThat(TextRules.problem("lone \uD800 high")).contains("lone surrogate at character 5");
    assertThat(TextRules.problem("lone \uDC00 low")).contains("lone surrogate");
    assertThat(TextRules.problem("\uD83D")).contains("lone surrogate");
  }

  @Test
  void limitsCountCharactersAndRefuseRatherThanCut() {
    assertThat(TextRules.problem("x".repeat(1024), TextRules.SUMMARY_MAX)).isNull();
    assertThat(TextRules.problem("x".repeat(1025), TextRules.SUMMARY_MAX))
        .isEqualTo("must be at most 1024 characters");
    // 255 emoji are 510 UTF-16 units but 255 characters, as PostgreSQL counts them
    assertThat(TextRules.problem("\uD83D\uDD25".repeat(255), TextRules.DEDUP_KEY_MAX)).isNull();
    assertThat(TextRules.limitOf("title")).isEqualTo(128);
    assertThat(TextRules.limitOf("name")).isEqualTo(255);
    assertThat(TextRules.limitOf("anything")).isEqualTo(TextRules.TEXT_MAX);
  }

  @Test
  void jsonGuardNamesEveryBadPlaceAndRefusesInfinity() throws Exception {
    ObjectMapper json = new ObjectMapper();
    assertThat(JsonGuard.problems(json.readTree(
        "{\"payload\":{\"summary\":\"ok\",\"n\":1.5,\"list\":[\"a\",2]}}"))).isEmpty();
    assertThat(JsonGuard.problems(json.readTree(
        "{\"payload\":{\"summary\":\"a\\u0000b\"},\"alerts\":[{\"v\":1e400}],\"k\\u0001\":1}")))
        .extracting(p -> p.field() + " " + p.message())
        .containsExactly("payload.summary contains a NUL character (U+0000)",
            "alerts[0].v is not a finite number", "(key) a key contains the control character"
                + " U+0001");
  }
}
