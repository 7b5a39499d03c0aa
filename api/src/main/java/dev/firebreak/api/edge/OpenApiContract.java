package dev.firebreak.api.edge;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI document told as the API behaves, for every operation at once rather than in each
 * controller: the success code each operation really answers (201 for a creation, 204 for a
 * deletion, 202 for an accepted event), every refusal it can give in the problem shape (PagerDuty's
 * on {@code /v2/enqueue}), properties that may be null marked so, and the limits the edge enforces
 * ({@link TextRules} lengths, {@code limit} 1..200). A generated client can trust it, and the
 * contract test (schemathesis) holds the API to it.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiContract {

  static final String PROBLEM = OpenApiSchemas.PROBLEM;
  static final String PAGERDUTY_ERROR = OpenApiSchemas.PAGERDUTY_ERROR;

  /** Operations that accept work to be done durably and answer before it is done. */
  private static final Set<String> ACCEPTING = Set.of(
      "PagerDutyEventsController#enqueue", "ChannelIngestController#alertmanager",
      "ChannelIngestController#webhook", "SlackAdminController#sync");

  /** Open to their senders, who authenticate with a key in the path (never 401/403). */
  private static final Set<String> SIGNED_BY_KEY = Set.of(
      "ChannelIngestController#alertmanager", "ChannelIngestController#webhook",
      "HeartbeatController#ping", "SlackEventsController#events");

  /** Controllers whose reads too answer 409 (an integration that is not enabled). */
  private static final Set<String> CONFLICT_ON_READ = Set.of("SyncController");

  @Bean
  OperationCustomizer realStatusCodes() {
    return (operation, handler) -> {
      ApiResponses responses = operation.getResponses() == null ? new ApiResponses()
          : operation.getResponses();
      operation.setResponses(responses);
      success(operation, handler, responses);
      boolean pagerDuty = handler.getMethod().getDeclaringClass().getSimpleName()
          .equals("PagerDutyEventsController");
      boolean mutating = !handler.hasMethodAnnotation(
          org.springframework.web.bind.annotation.GetMapping.class);
      refusal(responses, "400", "The request is malformed or a field is invalid; nothing was"
          + " stored", pagerDuty);
      if (mutating) {
        refusal(responses, "413", "The body is over the size limit, or carries too many"
            + " alerts", pagerDuty);
      }
      if (!pagerDuty && hasPathVariables(handler)) {
        refusal(responses, "404", "No such resource", false);
      }
      if (!pagerDuty && (mutating || CONFLICT_ON_READ.contains(
          handler.getBeanType().getSimpleName()))) {
        refusal(responses, "409", "Refused in the current state: a lifecycle rule, a duplicate,"
            + " or a feature that is not enabled", false);
      }
      if (mutating && !pagerDuty) {
        if (operation.getRequestBody() != null || declaresConsumes(handler)) {
          refusal(responses, "415", "The body is not JSON", false);
        }
      }
      String name = handler.getBeanType().getSimpleName() + "#" + handler.getMethod().getName();
      if (!pagerDuty && !SIGNED_BY_KEY.contains(name)) {
        refusal(responses, "401", "No valid bearer token or session", false);
        refusal(responses, "403", "The caller's role or team may not do this; nothing was"
            + " changed", false);
      }
      if (name.equals("SessionController#login")) {
        refusal(responses, "429", "Too many failed logins: retry after Retry-After seconds",
            false);
      }
      refusal(responses, "503", "The database or Temporal is unavailable; nothing was changed,"
          + " retry after Retry-After seconds", pagerDuty);
      if (operation.getParameters() != null) {
        for (Parameter p : operation.getParameters()) {
          limits(p);
        }
      }
      return operation;
    };
  }


  private static void success(Operation operation, HandlerMethod handler,
      ApiResponses responses) {
    String name = handler.getMethod().getName();
    String key = handler.getBeanType().getSimpleName() + "#" + name;
    String code = null;
    if (ACCEPTING.contains(key)) {
      code = "202";
    } else if (key.equals("EscalateController#escalate")) {
      copySuccess(responses, "201");
      code = "202";
    } else if (ResponseEntity.class.isAssignableFrom(handler.getMethod().getReturnType())) {
      if (handler.hasMethodAnnotation(PostMapping.class)
          && (name.startsWith("create") || name.startsWith("add"))) {
        code = "201";
      } else if (handler.hasMethodAnnotation(DeleteMapping.class)) {
        code = "204";
      }
    }
    if (code != null) {
      copySuccess(responses, code);
      // "201 with the new incident; 200 with the open incident that has the same dedupKey"
      if (operation.getDescription() == null || !operation.getDescription().contains("200")) {
        responses.remove("200");
      }
    }
  }

  private static void copySuccess(ApiResponses responses, String code) {
    ApiResponse ok = responses.get("200");
    ApiResponse moved = new ApiResponse().description(ok == null || ok.getDescription() == null
        ? "Done" : ok.getDescription());
    if (ok != null && ok.getContent() != null && !code.equals("204")) {
      moved.setContent(ok.getContent());
    }
    responses.putIfAbsent(code, moved);
  }

  private static void refusal(ApiResponses responses, String code, String description,
      boolean pagerDuty) {
    if (responses.containsKey(code)) {
      return;
    }
    String schema = pagerDuty ? PAGERDUTY_ERROR : PROBLEM;
    String mediaType = pagerDuty ? "application/json" : "application/problem+json";
    responses.addApiResponse(code, new ApiResponse().description(description)
        .content(new Content().addMediaType(mediaType, new MediaType()
            .schema(new Schema<>().$ref("#/components/schemas/" + schema)))));
  }

  /** A mapping with {@code consumes} (a form-encoded webhook, say) answers 415 to any other. */
  private static boolean declaresConsumes(HandlerMethod handler) {
    org.springframework.web.bind.annotation.RequestMapping mapping =
        org.springframework.core.annotation.AnnotatedElementUtils.findMergedAnnotation(
            handler.getMethod(), org.springframework.web.bind.annotation.RequestMapping.class);
    return mapping != null && mapping.consumes().length > 0;
  }

  private static boolean hasPathVariables(HandlerMethod handler) {
    for (var p : handler.getMethodParameters()) {
      if (p.hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
        return true;
      }
    }
    return false;
  }

  private static final Map<String, int[]> RANGES = Map.of("limit", new int[] {1, 200},
      "offset", new int[] {0, Integer.MAX_VALUE});

  @SuppressWarnings("rawtypes")
  private static void limits(Parameter parameter) {
    int[] range = RANGES.get(parameter.getName());
    Schema schema = parameter.getSchema();
    if (range != null && schema != null) {
      schema.setMinimum(BigDecimal.valueOf(range[0]));
      schema.setMaximum(BigDecimal.valueOf(range[1]));
    }
  }
}
