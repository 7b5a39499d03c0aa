package dev.firebreak.api.security;

import dev.firebreak.activities.security.AuditLog;
import dev.firebreak.activities.security.Owned;
import dev.firebreak.activities.security.TeamScopes;
import dev.firebreak.api.problem.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Applies {@link AccessRules} once the route is known, before the controller runs: refuses with
 * 403 and the reason, so nothing is changed; and writes the audit log of every configuration
 * change that succeeded, with the thing's state before and after.
 */
@Component
public class AccessInterceptor implements HandlerInterceptor {

  private static final Logger log = LoggerFactory.getLogger(AccessInterceptor.class);
  private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final String ROUTE = AccessInterceptor.class.getName() + ".route";
  private static final String BEFORE = AccessInterceptor.class.getName() + ".before";

  private final Callers callers;
  private final TeamScopes scopes;
  private final AuditLog audit;

  public AccessInterceptor(Callers callers, TeamScopes scopes, AuditLog audit) {
    this.callers = callers;
    this.scopes = scopes;
    this.audit = audit;
  }

  static boolean guarded(String uri) {
    return uri.startsWith("/api/") || uri.startsWith("/v2/") || uri.startsWith("/slack/");
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response,
      Object handler) {
    if (!(handler instanceof HandlerMethod) || !guarded(request.getRequestURI())) {
      return true;
    }
    String pattern = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    if (pattern == null || "OPTIONS".equals(request.getMethod())) {
      // Spring's own OPTIONS answer (the Allow header) reveals and changes nothing
      return true;
    }
    String key = request.getMethod() + " " + AccessRules.plain(pattern);
    Rule rule = AccessRules.of(request.getMethod(), pattern).orElse(AccessRules.UNLISTED);
    if (rule.open()) {
      return true;
    }
    Caller caller = callers.current().orElseThrow(() -> new ApiException(
        HttpStatus.UNAUTHORIZED, "log in, or send Authorization: Bearer <API token>"));
    @SuppressWarnings("unchecked")
    Map<String, String> vars = (Map<String, String>) request.getAttribute(
        HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    Route route = new Route(key, request, vars == null ? Map.of() : vars, scopes);
    String refusal = rule.check().refusal(caller, route);
    boolean unsafe = UNSAFE.contains(request.getMethod());
    if (refusal != null) {
      if (unsafe) {
        audit.record(caller.name(), "access.denied", key + " " + request.getRequestURI(), null,
            null, refusal);
      }
      throw new ApiException(HttpStatus.FORBIDDEN, refusal);
    }
    if (unsafe && rule.audited()) {
      request.setAttribute(ROUTE, new Audited(caller, rule, route));
      Long id = rule.var() == null ? null : route.id(rule.var());
      if (id != null) {
        scopes.snapshot(rule.kind(), id).map(SecretMasking::maskForAudit)
            .ifPresent(before -> request.setAttribute(BEFORE, before));
      }
    }
    return true;
  }

  @Override
  public void afterCompletion(HttpServletRequest request, HttpServletResponse response,
      Object handler, Exception ex) {
    if (!(request.getAttribute(ROUTE) instanceof Audited done) || response.getStatus() >= 300
        || ex != null) {
      return;
    }
    try {
      Rule rule = done.rule();
      Long id = rule.var() == null ? null : done.route().id(rule.var());
      String after = id != null && rule.kind() != null
          ? scopes.snapshot(rule.kind(), id).map(SecretMasking::maskForAudit).orElse(null)
          : (String) request.getAttribute(SecretMasking.BODY);
      assignCreatedToTeam(request, done);
      audit.record(done.caller().name(), done.route().key, request.getRequestURI(),
          (String) request.getAttribute(BEFORE), after, null);
    } catch (RuntimeException e) {
      log.error("could not write the audit log for {} {}", request.getMethod(),
          request.getRequestURI(), e);
    }
  }

  /** A schedule or policy created for a team belongs to it (their tables keep the team). */
  private void assignCreatedToTeam(HttpServletRequest request, Audited done) {
    Owned kind = done.rule().kind();
    Object created = request.getAttribute(SecretMasking.CREATED_ID);
    Long teamId = done.route().bodyLong("teamId");
    if ((kind == Owned.SCHEDULE || kind == Owned.ESCALATION_POLICY) && done.rule().var() == null
        && "POST".equals(request.getMethod()) && created instanceof Long id && teamId != null) {
      scopes.assign(kind, id, teamId);
    }
  }

  private record Audited(Caller caller, Rule rule, Route route) {}
}
