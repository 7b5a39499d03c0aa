package dev.firebreak.api.security;

import dev.firebreak.activities.security.ApiTokens;
import dev.firebreak.activities.security.AuditLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Arrays;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who is calling (authentication): a bearer token, or a browser session from a password or OIDC
 * login. Everything under {@code /api/} needs one except the routes {@link AccessRules} marks
 * open; what each caller may then do is decided by {@link AccessInterceptor}. Sessions are
 * protected against CSRF (a cookie the web UI echoes in a header); token calls need no cookie.
 */
@Configuration
@EnableWebSecurity
public class SecurityConfig {

  /** Routes that authenticate their sender themselves, and the public documents. */
  static final String[] OPEN = {
    "/v2/enqueue", "/api/v1/integrations/alertmanager/*", "/api/v1/webhooks/*",
    "/api/v1/heartbeats/*/ping", "/slack/**", "/api/v1/twilio/**", "/api/v1/notify/email/act",
    "/actuator/health",
    "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**",
    "/swagger-ui.html"
  };

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  SecurityContextRepository securityContextRepository() {
    return new HttpSessionSecurityContextRepository();
  }

  @Bean
  SecurityFilterChain firebreakSecurity(HttpSecurity http, ApiTokens tokens, AuditLog audit,
      SecurityContextRepository contexts, ObjectProvider<ClientRegistrationRepository> oidc,
      ObjectProvider<OidcLogin> oidcLogin,
      @Value("${firebreak.security.admin-token:}") String adminToken) throws Exception {
    RequestMatcher bearer = BearerTokenFilter::hasBearer;
    RequestMatcher open = new OrRequestMatcher(Arrays.stream(OPEN)
        .map(p -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(p)).toList());
    RequestMatcher login = r -> "POST".equals(r.getMethod())
        && "/api/v1/session".equals(r.getRequestURI());
    http
        .securityContext(c -> c.securityContextRepository(contexts))
        .authorizeHttpRequests(a -> a
            .requestMatchers(OPEN).permitAll()
            .requestMatchers("/api/v1/session").permitAll()
            .requestMatchers("/api/**").authenticated()
            // metrics and the other operator endpoints: a token (Prometheus scrapes with an
            // observer token as its bearer credential); only health stays open, for probes
            .requestMatchers("/actuator/**").authenticated()
            .anyRequest().permitAll())
        .addFilterBefore(new BearerTokenFilter(tokens, audit, adminToken, open), CsrfFilter.class)
        .addFilterBefore(new CachedBodyFilter(), CsrfFilter.class)
        .addFilterAfter(SecurityConfig::renderCsrfCookie, CsrfFilter.class)
        .csrf(c -> c.spa().ignoringRequestMatchers(bearer, login, open))
        .exceptionHandling(e -> e
            .authenticationEntryPoint((request, response, ex) -> Problems.write(response,
                HttpStatus.UNAUTHORIZED, "log in, or send Authorization: Bearer <API token>"))
            .accessDeniedHandler((request, response, ex) -> {
              if (!loggedIn()) {
                Problems.write(response, HttpStatus.UNAUTHORIZED,
                    "log in, or send Authorization: Bearer <API token>");
              } else {
                Problems.write(response, HttpStatus.FORBIDDEN, ex instanceof CsrfException
                    ? "the CSRF token is missing or wrong: send the XSRF-TOKEN cookie's value"
                        + " in an X-XSRF-TOKEN header"
                    : ex.getMessage());
              }
            }))
        .headers(h -> h
            .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self';"
                + " img-src 'self' data:; style-src 'self' 'unsafe-inline';"
                + " script-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'"))
            .frameOptions(f -> f.deny())
            .referrerPolicy(r -> r.policy(
                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
        .formLogin(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable);
    OidcLogin sso = oidcLogin.getIfAvailable();
    if (oidc.getIfAvailable() != null && sso != null) {
      http.oauth2Login(o -> o
          .successHandler(sso)
          .failureHandler(sso));
    }
    return http.build();
  }

  /**
   * Loads the deferred CSRF token on every request so that its XSRF-TOKEN cookie reaches the web
   * UI before its first unsafe call.
   */
  private static void renderCsrfCookie(ServletRequest request, ServletResponse response,
      FilterChain chain) throws IOException, ServletException {
    if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
      token.getToken();
    }
    chain.doFilter(request, response);
  }

  static boolean loggedIn() {
    Authentication a = SecurityContextHolder.getContext().getAuthentication();
    return a != null && a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken);
  }

  static boolean isApi(HttpServletRequest request) {
    return request.getRequestURI().startsWith("/api/");
  }
}
