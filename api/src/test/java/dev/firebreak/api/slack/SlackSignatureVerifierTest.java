package dev.firebreak.api.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.api.slack.SlackSignatureVerifier.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Our own check of Slack's request signatures, including Slack's documented example. */
class SlackSignatureVerifierTest {

  // https://api.slack.com/authentication/verifying-requests-from-slack
  static final String DOC_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  static final String DOC_TIMESTAMP = "1531420618";
  static final String DOC_BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J"
      + "&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA"
      + "&user_name=roadrunner&command=%2Fwebhook-collect&text="
      + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F"
      + "96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
  static final String DOC_SIGNATURE =
      "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

  static Clock at(long epochSecond) {
    return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  final long now = 1_800_000_000L;
  final SlackSignatureVerifier verifier = new SlackSignatureVerifier("s3cr3t", at(now));

  @Test
  void slacksDocumentedExampleIsValid() {
    SlackSignatureVerifier doc =
        new SlackSignatureVerifier(DOC_SECRET, at(Long.parseLong(DOC_TIMESTAMP) + 10));
    assertThat(doc.sign(DOC_TIMESTAMP, bytes(DOC_BODY))).isEqualTo(DOC_SIGNATURE);
    assertThat(doc.verify(DOC_TIMESTAMP, DOC_SIGNATURE, bytes(DOC_BODY))).isEqualTo(Outcome.VALID);
  }

  @Test
  void aRequestSignedWithTheSecretIsValid() {
    String ts = String.valueOf(now - 30);
    byte[] body = bytes("command=%2Fincident&text=open");
    assertThat(verifier.verify(ts, verifier.sign(ts, body), body)).isEqualTo(Outcome.VALID);
  }

  @Test
  void aRequestSignedWithAnotherSecretIsRefused() {
    String ts = String.valueOf(now);
    byte[] body = bytes("command=%2Fincident&text=open");
    String forged = new SlackSignatureVerifier("not-the-secret", at(now)).sign(ts, body);
    assertThat(verifier.verify(ts, forged, body)).isEqualTo(Outcome.BAD_SIGNATURE);
  }

  @Test
  void aTimestampMoreThanFiveMinutesOldIsRefusedEvenWellSigned() {
    byte[] body = bytes("payload=%7B%7D");
    String stale = String.valueOf(now - 301);
    assertThat(verifier.verify(stale, verifier.sign(stale, body), body))
        .isEqualTo(Outcome.STALE_OR_FUTURE);
    String edge = String.valueOf(now - 300);
    assertThat(verifier.verify(edge, verifier.sign(edge, body), body)).isEqualTo(Outcome.VALID);
  }

  @Test
  void aTimestampMoreThanFiveMinutesAheadIsRefusedEvenWellSigned() {
    byte[] body = bytes("payload=%7B%7D");
    String future = String.valueOf(now + 301);
    assertThat(verifier.verify(future, verifier.sign(future, body), body))
        .isEqualTo(Outcome.STALE_OR_FUTURE);
    String edge = String.valueOf(now + 300);
    assertThat(verifier.verify(edge, verifier.sign(edge, body), body)).isEqualTo(Outcome.VALID);
  }

  @Test
  void aTamperedBodyIsRefused() {
    String ts = String.valueOf(now);
    String signature = verifier.sign(ts, bytes("command=%2Fincident&text=status"));
    assertThat(verifier.verify(ts, signature, bytes("command=%2Fincident&text=close")))
        .isEqualTo(Outcome.BAD_SIGNATURE);
    assertThat(verifier.verify(ts, signature.toUpperCase(), bytes("command=%2Fincident&text=status")))
        .isEqualTo(Outcome.BAD_SIGNATURE);
  }

  @Test
  void missingOrMalformedHeadersAreRefused() {
    byte[] body = bytes("x=1");
    String ts = String.valueOf(now);
    String signature = verifier.sign(ts, body);
    assertThat(verifier.verify(null, signature, body)).isEqualTo(Outcome.MISSING_HEADERS);
    assertThat(verifier.verify(ts, null, body)).isEqualTo(Outcome.MISSING_HEADERS);
    assertThat(verifier.verify("", "", body)).isEqualTo(Outcome.MISSING_HEADERS);
    assertThat(verifier.verify("yesterday", signature, body)).isEqualTo(Outcome.BAD_TIMESTAMP);
    assertThat(verifier.verify(ts, "v0=", body)).isEqualTo(Outcome.BAD_SIGNATURE);
  }

  @Test
  void aNonAsciiBodyIsSignedOverItsRawUtf8Bytes() {
    String ts = String.valueOf(now);
    byte[] body = bytes("{\"text\":\"Paiement refusé — 支付失败 🔥\"}");
    String signature = verifier.sign(ts, body);
    assertThat(verifier.verify(ts, signature, body)).isEqualTo(Outcome.VALID);
    // the same text in another encoding is other bytes: refused
    byte[] latin1 = "{\"text\":\"Paiement refusé\"}".getBytes(StandardCharsets.ISO_8859_1);
    byte[] utf8 = bytes("{\"text\":\"Paiement refusé\"}");
    assertThat(verifier.verify(ts, verifier.sign(ts, utf8), latin1))
        .isEqualTo(Outcome.BAD_SIGNATURE);
  }
}
