package dev.firebreak.api.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Twilio's signature, checked against the example of Twilio's own request-validation snippets (token 12345). */
class TwilioSignatureTest {

  static final String TOKEN = "12345";
  static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
  static final Map<String, List<String>> PARAMS = Map.of(
      "CallSid", List.of("CA1234567890ABCDE"),
      "Caller", List.of("+14158675310"),
      "Digits", List.of("1234"),
      "From", List.of("+14158675310"),
      "To", List.of("+18005551212"));

  @Test
  void signsAsTwilioDoes() {
    assertThat(TwilioSignature.sign(TOKEN, URL, PARAMS))
        .isEqualTo("GvWf1cFY/Q7PnoempGyD5oXAezc=");
  }

  @Test
  void refusesAWrongTokenATamperedParameterAndAMissingSignature() {
    String good = TwilioSignature.sign(TOKEN, URL, PARAMS);
    assertThat(TwilioSignature.valid(TOKEN, URL, PARAMS, good)).isTrue();
    assertThat(TwilioSignature.valid("54321", URL, PARAMS, good)).isFalse();
    Map<String, List<String>> tampered = new HashMap<>(PARAMS);
    tampered.put("Digits", List.of("1"));
    assertThat(TwilioSignature.valid(TOKEN, URL, tampered, good)).isFalse();
    assertThat(TwilioSignature.valid(TOKEN, URL + "&x=1", PARAMS, good)).isFalse();
    assertThat(TwilioSignature.valid(TOKEN, URL, PARAMS, null)).isFalse();
    assertThat(TwilioSignature.valid(TOKEN, URL, PARAMS, "")).isFalse();
    assertThat(TwilioSignature.valid("", URL, PARAMS, good)).isFalse();
  }
}
