package dev.firebreak.workflows.notify;

import dev.firebreak.workflows.notify.messages.ContactType;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a reachable value is, per contact type, and how numbers are shown on the timeline. */
class ContactMethodsTest {

  @Test
  void phoneNumbersMustBeE164() {
    assertThat(ContactMethods.problem(ContactType.SMS, "+33612345689")).isEmpty();
    assertThat(ContactMethods.problem(ContactType.VOICE, " +14155550100 ")).isEmpty();
    assertThat(ContactMethods.problem(ContactType.SMS, "0612345689")).get().asString()
        .contains("E.164");
    assertThat(ContactMethods.problem(ContactType.SMS, "+0612345689")).isPresent();
    assertThat(ContactMethods.problem(ContactType.VOICE, "+33 6 12 34 56 89")).isPresent();
    assertThat(ContactMethods.problem(ContactType.SMS, "+1234567890123456")).isPresent();
  }

  @Test
  void emailsSlackIdsAndUrls() {
    assertThat(ContactMethods.problem(ContactType.EMAIL, "alice@example.com")).isEmpty();
    assertThat(ContactMethods.problem(ContactType.EMAIL, "alice@localhost")).isPresent();
    assertThat(ContactMethods.problem(ContactType.EMAIL, "alice")).isPresent();
    assertThat(ContactMethods.problem(ContactType.SLACK, "U024BE7LH")).isEmpty();
    assertThat(ContactMethods.problem(ContactType.SLACK, "alice")).get().asString()
        .contains("Slack user id");
    assertThat(ContactMethods.problem(ContactType.TEAMS,
        "https://prod.westeurope.logic.azure.com/workflows/1/triggers/manual/paths/invoke"))
        .isEmpty();
    assertThat(ContactMethods.problem(ContactType.WEBHOOK, "https://hooks.example.com/x"))
        .isEmpty();
    assertThat(ContactMethods.problem(ContactType.WEBHOOK, "ftp://example.com/x")).isPresent();
    assertThat(ContactMethods.problem(ContactType.WEBHOOK, "not a url")).isPresent();
  }

  @Test
  void blankAndOverlongValuesAreRefused() {
    assertThat(ContactMethods.problem(ContactType.EMAIL, null)).contains("is required");
    assertThat(ContactMethods.problem(ContactType.SMS, "  ")).contains("is required");
    assertThat(ContactMethods.problem(ContactType.WEBHOOK, "https://x.io/" + "a".repeat(2050)))
        .contains("must be at most 2048 characters");
  }

  @Test
  void numbersAreMaskedOnTheTimeline() {
    assertThat(ContactMethods.masked(ContactType.SMS, "+33612345689")).isEqualTo("+33 6 … 89");
    assertThat(ContactMethods.masked(ContactType.EMAIL, "a@b.io")).isEqualTo("a@b.io");
  }

  @Test
  void onlyPhonesNeedVerificationAndOnlyPhonesAreRateLimited() {
    assertThat(ContactType.SMS.needsVerification()).isTrue();
    assertThat(ContactType.VOICE.needsVerification()).isTrue();
    assertThat(ContactType.EMAIL.needsVerification()).isFalse();
    assertThat(RateLimit.of(ContactType.SMS)).contains(new RateLimit(5, RateLimit.WINDOW));
    assertThat(RateLimit.of(ContactType.VOICE)).contains(new RateLimit(3, RateLimit.WINDOW));
    assertThat(RateLimit.of(ContactType.SLACK)).isEmpty();
  }
}
