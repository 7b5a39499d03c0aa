package dev.firebreak.api.alert;

import dev.firebreak.api.edge.FieldProblem;
import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.activities.alert.intake.EventPipeline;
import dev.firebreak.activities.alert.intake.InboundEvent;
import dev.firebreak.activities.routing.RoutingCache;
import dev.firebreak.activities.directory.Service;
import dev.firebreak.api.edge.JsonGuard;
import dev.firebreak.api.edge.TextRules;
import dev.firebreak.api.problem.ApiException;
import dev.firebreak.workflows.alert.Severity;
import dev.firebreak.workflows.alert.messages.AlertAction;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * PagerDuty's Events API v2, answered as PagerDuty answers it, so any tool that pages PagerDuty
 * pages Firebreak by changing the URL. The routing key is a service's integration key.
 */
@RestController
@Tag(name = "Events", description = "PagerDuty-compatible Events API v2")
public class PagerDutyEventsController {

  private static final Logger log = LoggerFactory.getLogger(PagerDutyEventsController.class);

  private final RoutingCache services;
  private final EventPipeline pipeline;

  public PagerDutyEventsController(RoutingCache services, EventPipeline pipeline) {
    this.services = services;
    this.pipeline = pipeline;
  }

  @PostMapping("/v2/enqueue")
  @Operation(summary = "Send an event (PagerDuty Events API v2)",
      description = "202 {status: success, message: Event processed, dedup_key}; 400 {status:"
          + " invalid event, message, errors}; 413 over 512 KB; 503 when it cannot be stored")
  public ResponseEntity<Map<String, Object>> enqueue(HttpServletRequest request) {
    byte[] raw;
    try {
      raw = Bodies.read(request);
    } catch (Bodies.TooLarge e) {
      return answer(HttpStatus.PAYLOAD_TOO_LARGE, "invalid event", "Event object is too large",
          List.of("The request body must be at most " + Bodies.MAX_BYTES + " bytes"), null);
    } catch (IOException e) {
      return invalid(List.of("The request body could not be read"));
    }
    JsonNode body = Bodies.parse(raw);
    if (body == null) {
      return invalid(List.of("Malformed JSON: the body is not valid JSON"));
    }
    if (!body.isObject()) {
      return invalid(List.of("Event object must be a JSON object"));
    }
    List<String> errors = new ArrayList<>();
    for (FieldProblem p : JsonGuard.problems(body)) {
      errors.add("'" + p.field() + "' " + p.message());
    }
    if (!errors.isEmpty()) {
      return invalid(errors);
    }
    String routingKey = text(body, "routing_key", TextRules.NAME_MAX, errors);
    if (blank(routingKey, "routing_key", errors)) {
      errors.add("'routing_key' is missing or blank");
    }
    String actionWord = text(body, "event_action", TextRules.NAME_MAX, errors);
    AlertAction action = AlertAction.fromWire(actionWord);
    if (blank(actionWord, "event_action", errors)) {
      errors.add("'event_action' is missing or blank");
    } else if (action == null && actionWord != null) {
      errors.add("'event_action' is invalid (must be one of trigger, acknowledge, resolve)");
    }
    String dedupKey = text(body, "dedup_key", TextRules.DEDUP_KEY_MAX, errors);
    if (action != null && action != AlertAction.TRIGGER && (dedupKey == null || dedupKey.isBlank())) {
      errors.add("'dedup_key' is missing or blank (required to " + actionWord + ")");
    }
    JsonNode payload = body.get("payload");
    String summary = null;
    String source = null;
    String severity = null;
    String details = null;
    if (action == AlertAction.TRIGGER) {
      if (payload == null || !payload.isObject()) {
        errors.add("'payload' is missing or not an object");
      } else {
        summary = text(payload, "payload.summary", TextRules.SUMMARY_MAX, errors);
        source = text(payload, "payload.source", TextRules.SOURCE_MAX, errors);
        severity = text(payload, "payload.severity", TextRules.NAME_MAX, errors);
        if (blank(summary, "payload.summary", errors)) {
          errors.add("'payload.summary' is missing or blank");
        }
        if (blank(source, "payload.source", errors)) {
          errors.add("'payload.source' is missing or blank");
        }
        if (blank(severity, "payload.severity", errors)) {
          errors.add("'payload.severity' is missing or blank");
        } else if (severity != null && Severity.fromWire(severity) == null) {
          errors.add("'payload.severity' is invalid (must be one of critical, error, warning,"
              + " info)");
        }
        // PagerDuty's own examples write the offset as +0000
        String timestamp = text(payload, "payload.timestamp", TextRules.NAME_MAX, errors);
        if (timestamp != null) {
          try {
            OffsetDateTime.parse(timestamp.replaceFirst("([+-]\\d\\d)(\\d\\d)$", "$1:$2"));
          } catch (DateTimeParseException e) {
            errors.add("'payload.timestamp' is not an ISO 8601 timestamp");
          }
        }
        JsonNode custom = payload.get("custom_details");
        if (custom != null && !custom.isNull()) {
          details = custom.isTextual() ? custom.asText() : custom.toString();
        }
      }
    }
    if (!errors.isEmpty()) {
      return invalid(errors);
    }
    try {
      Optional<Service> service = services.serviceByIntegrationKey(routingKey);
      if (service.isEmpty()) {
        return invalid(List.of("'routing_key' is invalid: no service has this integration key"));
      }
      if (action == AlertAction.TRIGGER && (dedupKey == null || dedupKey.isBlank())) {
        dedupKey = Bodies.newDedupKey();
      }
      InboundEvent event = new InboundEvent(action, dedupKey, summary, source, severity, body,
          details);
      Bodies.await(List.of(pipeline.submit(pipeline.decide(service.get(), event))));
      return answer(HttpStatus.ACCEPTED, "success", "Event processed", null, dedupKey);
    } catch (DataAccessException | Bodies.NotAccepted e) {
      log.warn("event not accepted, answering 503: {}", e.toString());
      return unavailable();
    }
  }

  static ResponseEntity<Map<String, Object>> unavailable() {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "5")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("status", "unavailable",
            "message", "The event could not be stored; nothing was recorded, retry later"));
  }

  private static ResponseEntity<Map<String, Object>> invalid(List<String> errors) {
    return answer(HttpStatus.BAD_REQUEST, "invalid event", "Event object is invalid", errors,
        null);
  }

  private static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String word,
      String message, List<String> errors, String dedupKey) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", word);
    body.put("message", message);
    if (dedupKey != null) {
      body.put("dedup_key", dedupKey);
    }
    if (errors != null) {
      body.put("errors", errors);
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
  }

  /** True when {@code value} is missing or blank and no error about {@code path} was given yet. */
  private static boolean blank(String value, String path, List<String> errors) {
    return (value == null || value.isBlank())
        && errors.stream().noneMatch(e -> e.startsWith("'" + path + "'"));
  }

  /**
   * The text at {@code path} (its last part names the field of {@code node}), or null when absent;
   * anything but a JSON string, bad text or text over {@code max} characters adds an error.
   */
  private static String text(JsonNode node, String path, int max, List<String> errors) {
    JsonNode value = node.get(path.substring(path.lastIndexOf('.') + 1));
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      errors.add("'" + path + "' must be a string");
      return null;
    }
    String bad = TextRules.problem(value.textValue(), max);
    if (bad != null) {
      errors.add("'" + path + "' " + bad);
      return null;
    }
    return value.textValue();
  }
}
