package dev.firebreak.worker;

import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * A real OpenID Connect provider in the test JVM (mock-oauth2-server): discovery, authorization
 * code flow, signed ID tokens. Each login takes the subject and email queued by
 * {@link #nextLogin}; the end-to-end application uses it as OIDC_ISSUER_URI.
 */
final class FakeOidc {

  static final String ISSUER_ID = "default";
  static final String CLIENT_ID = "firebreak";

  private static FakeOidc shared;

  private final MockOAuth2Server server = new MockOAuth2Server();

  private FakeOidc() {
    server.start();
  }

  static synchronized FakeOidc shared() {
    if (shared == null) {
      shared = new FakeOidc();
    }
    return shared;
  }

  String issuer() {
    return server.issuerUrl(ISSUER_ID).toString();
  }

  /** The next login through the provider is this person. */
  void nextLogin(String subject, String email) {
    server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT",
        java.util.List.of(CLIENT_ID), Map.of("email", email), 3600));
  }
}
