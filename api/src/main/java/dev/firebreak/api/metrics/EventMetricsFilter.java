package dev.firebreak.api.metrics;

import dev.firebreak.activities.metrics.FirebreakMeters;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts each delivery to an ingestion endpoint as accepted or refused, with why
 * ({@link FirebreakMeters#EVENTS}). It wraps every other filter, so a refusal by authentication
 * counts too. One delivery is one request: an Alertmanager delivery may carry several alerts.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class EventMetricsFilter extends OncePerRequestFilter {

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return endpoint(request.getRequestURI()) == null;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    int status = 500;
    try {
      chain.doFilter(request, response);
      status = response.getStatus();
    } finally {
      String endpoint = endpoint(request.getRequestURI());
      boolean accepted = status < 400;
      FirebreakMeters.event(endpoint, accepted ? "accepted" : "refused", reason(status));
    }
  }

  /** The ingestion endpoint a path belongs to, or null for any other path. */
  static String endpoint(String path) {
    if (path == null) {
      return null;
    }
    if (path.equals("/v2/enqueue")) {
      return "pagerduty";
    }
    if (path.startsWith("/api/v1/integrations/alertmanager/")) {
      return "alertmanager";
    }
    if (path.startsWith("/api/v1/webhooks/")) {
      return "webhook";
    }
    if (path.startsWith("/api/v1/heartbeats/") && path.endsWith("/ping")) {
      return "heartbeat";
    }
    return null;
  }

  /** A bounded word for the answer's status, for the {@code reason} tag. */
  static String reason(int status) {
    return switch (status) {
      case 400, 422 -> "invalid";
      case 401, 403 -> "unauthorized";
      case 404 -> "unknown_key";
      case 409 -> "conflict";
      case 413 -> "too_large";
      case 415 -> "unsupported_media_type";
      case 429 -> "rate_limited";
      case 503 -> "unavailable";
      default -> status < 400 ? "none" : status >= 500 ? "server_error" : "client_error";
    };
  }
}
