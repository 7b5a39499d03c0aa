package dev.firebreak.api.security;

import dev.firebreak.activities.directory.User;
import dev.firebreak.activities.security.Accounts;
import dev.firebreak.activities.security.AuditLog;
import dev.firebreak.activities.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * OIDC single sign-on, on when OIDC_ISSUER_URI is set: the provider's user is matched to a
 * Firebreak user by email, or created (as an observer) when OIDC_AUTO_CREATE_USERS is true. The
 * session then holds a {@link SessionLogin} like a password login, so everything after the login
 * is the same whichever way a person came in. The login starts at
 * {@code /oauth2/authorization/oidc}.
 */
@Component
@ConditionalOnExpression("'${firebreak.security.oidc.issuer-uri:}' != ''")
public class OidcLogin implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

  public static final String REGISTRATION = "oidc";
  public static final String START = "/oauth2/authorization/" + REGISTRATION;

  private final Accounts access;
  private final AuditLog audit;
  private final SecurityContextRepository contexts;
  private final boolean autoCreate;

  public OidcLogin(Accounts access, AuditLog audit,
      SecurityContextRepository contexts,
      @Value("${firebreak.security.oidc.auto-create-users:false}") boolean autoCreate) {
    this.access = access;
    this.audit = audit;
    this.contexts = contexts;
    this.autoCreate = autoCreate;
  }

  /** The provider, discovered from its issuer at start. */
  @Bean
  static ClientRegistrationRepository oidcClients(
      @Value("${firebreak.security.oidc.issuer-uri}") String issuer,
      @Value("${firebreak.security.oidc.client-id:firebreak}") String clientId,
      @Value("${firebreak.security.oidc.client-secret:}") String clientSecret) {
    ClientRegistration registration = ClientRegistrations.fromIssuerLocation(issuer)
        .registrationId(REGISTRATION)
        .clientId(clientId)
        .clientSecret(clientSecret)
        .scope("openid", "email", "profile")
        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
        .build();
    return new InMemoryClientRegistrationRepository(registration);
  }

  @Override
  public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
      Authentication authentication) throws IOException {
    OidcUser oidc = (OidcUser) authentication.getPrincipal();
    String email = oidc.getEmail();
    Optional<User> user = email == null ? Optional.empty() : access.userByEmail(email);
    if (user.isEmpty() && email != null && autoCreate) {
      String name = oidc.getFullName() != null ? oidc.getFullName() : email;
      User created = access.createUser(name, email, Role.OBSERVER);
      audit.record("oidc:" + email, "user.created_on_login", "user " + created.id(), null, null,
          "created as an observer on first OIDC login");
      user = Optional.of(created);
    }
    if (user.isEmpty()) {
      SecurityContextHolder.clearContext();
      request.getSession().invalidate();
      audit.record("oidc:" + (email == null ? oidc.getSubject() : email), "auth.login_failed",
          "oidc", null, null, "no Firebreak user has this email");
      response.sendRedirect("/#/login?error=" + UriUtils.encode(
          "no Firebreak user has the email " + email, "UTF-8"));
      return;
    }
    new SessionLogin(user.get().id(), user.get().email(), "oidc")
        .start(contexts, request, response);
    audit.record(user.get().email(), "auth.login", "oidc", null, null, "OIDC login");
    response.sendRedirect("/");
  }

  @Override
  public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException exception) throws IOException {
    audit.record("anonymous", "auth.login_failed", "oidc", null, null, exception.getMessage());
    response.sendRedirect("/#/login?error=" + UriUtils.encode("single sign-on failed", "UTF-8"));
  }
}
