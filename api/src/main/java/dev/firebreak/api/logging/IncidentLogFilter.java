package dev.firebreak.api.logging;

import dev.firebreak.activities.logging.IncidentLogContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lines logged while the API serves a request about one incident ({@code /api/v1/incidents/42...})
 * carry its id and its workflow's id, as the workers' lines do ({@link IncidentLogContext}).
 */
@Component
public class IncidentLogFilter extends OncePerRequestFilter {

  private static final Pattern INCIDENT_PATH = Pattern.compile("^/api/v1/incidents/(\\d+)(?:/.*)?$");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    Matcher m = INCIDENT_PATH.matcher(request.getRequestURI());
    if (!m.matches()) {
      chain.doFilter(request, response);
      return;
    }
    MDC.put(IncidentLogContext.INCIDENT_ID, m.group(1));
    MDC.put(IncidentLogContext.WORKFLOW_ID, "incident-" + m.group(1));
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove(IncidentLogContext.INCIDENT_ID);
      MDC.remove(IncidentLogContext.WORKFLOW_ID);
    }
  }
}
