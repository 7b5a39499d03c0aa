package dev.firebreak.api.security;

import dev.firebreak.activities.security.ApiTokens;
import dev.firebreak.activities.security.AuditLog;
import dev.firebreak.activities.security.Role;
import dev.firebreak.activities.security.Secrets;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>}: FIREBREAK_ADMIN_TOKEN when set, or an API
 * token by the hash of its secret. A token that is unknown, revoked or expired gets 401 at once
 * rather than falling back to anonymous, so that a caller learns its token is bad.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

  static final String PREFIX = "Bearer ";

  private final ApiTokens tokens;
  private final AuditLog audit;
  private final String adminToken;
  private final RequestMatcher open;

  /**
   * @param open routes that authenticate their sender themselves: a bearer header there (an
   *     Alertmanager configured with credentials, say) is none of Firebreak's business
   */
  BearerTokenFilter(ApiTokens tokens, AuditLog audit, String adminToken, RequestMatcher open) {
    this.tokens = tokens;
    this.audit = audit;
    this.adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken;
    this.open = open;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !hasBearer(request) || open.matches(request);
  }

  static boolean hasBearer(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    return header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String secret = request.getHeader("Authorization").substring(PREFIX.length()).trim();
    Optional<Caller> caller = authenticate(secret);
    if (caller.isEmpty()) {
      audit.record("anonymous", "auth.token_rejected", request.getRequestURI(), null, null,
          "an unknown, revoked or expired bearer token");
      Problems.write(response, HttpStatus.UNAUTHORIZED,
          "the bearer token is unknown, revoked or expired");
      return;
    }
    SecurityContextHolder.getContext().setAuthentication(new TokenLogin(caller.get()));
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private Optional<Caller> authenticate(String secret) {
    if (adminToken != null && Secrets.same(secret, adminToken)) {
      return Optional.of(new Caller("admin-token", null, Role.ADMIN, null, Set.of(), "admin-token"));
    }
    return tokens.authenticate(secret).map(t -> new Caller("token:" + t.name() + "#" + t.id(),
        t.ownerId(), t.role(), t.teamId(), Set.of(), "token"));
  }
}
