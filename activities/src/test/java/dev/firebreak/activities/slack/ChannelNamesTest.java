package dev.firebreak.activities.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChannelNamesTest {

  @Test
  void titlesAreSluggedToSlacksChannelNameRules() {
    assertThat(ChannelNames.forIncident(42, "Checkout returns 500!")).isEqualTo("inc-42-checkout-returns-500");
    assertThat(ChannelNames.forIncident(7, "Paiement refusé — Café")).isEqualTo("inc-7-paiement-refuse-cafe");
    assertThat(ChannelNames.forIncident(8, "  DB_primary   down.  ")).isEqualTo("inc-8-db-primary-down");
  }

  @Test
  void aTitleWithNothingSluggableLeavesTheNumber() {
    assertThat(ChannelNames.forIncident(9, "支付失败 🔥")).isEqualTo("inc-9");
    assertThat(ChannelNames.forIncident(10, null)).isEqualTo("inc-10");
  }

  @Test
  void namesStopAtEightyCharactersWithoutATrailingHyphen() {
    String name = ChannelNames.forIncident(123456, "word ".repeat(40));
    assertThat(name).hasSizeLessThanOrEqualTo(80).startsWith("inc-123456-word-word").doesNotEndWith("-");
  }
}
