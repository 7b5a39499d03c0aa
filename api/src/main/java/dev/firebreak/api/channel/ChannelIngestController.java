package dev.firebreak.api.channel;

import dev.firebreak.api.edge.FieldProblem;
import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.activities.channel.ReceiveChannel;
import dev.firebreak.activities.channel.ReceiveChannels;
import dev.firebreak.activities.directory.Service;
import dev.firebreak.api.alert.Bodies;
import dev.firebreak.api.edge.JsonGuard;
import dev.firebreak.activities.alert.intake.EventPipeline;
import dev.firebreak.api.problem.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where receive channels are posted to. An unknown key is 404 and its body is never read nor
 * stored; a payload that gives no valid event is 400 naming why, and nothing of it is sent;
 * otherwise 202 once every event is durable, or 503 when that cannot be done.
 */
@RestController
@Tag(name = "Receive channels")
public class ChannelIngestController {

  private final ReceiveChannels channels;
  private final EventPipeline pipeline;
  /** One request starts at most this many alert workflows: a storm comes in batches. */
  private final int maxAlerts;

  public ChannelIngestController(ReceiveChannels channels, EventPipeline pipeline,
      @Value("${firebreak.edge.max-alerts-per-request:100}") int maxAlerts) {
    this.maxAlerts = maxAlerts;
    this.channels = channels;
    this.pipeline = pipeline;
  }

  @PostMapping("/api/v1/integrations/alertmanager/{key}")
  @Operation(summary = "Prometheus Alertmanager webhook (version 4)")
  public ResponseEntity<Map<String, Object>> alertmanager(
      @PathVariable String key, HttpServletRequest request) {
    return ingest(key, ReceiveChannelController.ALERTMANAGER, request);
  }

  @PostMapping("/api/v1/webhooks/{key}")
  @Operation(summary = "Any JSON, turned into an event by the channel's mapping")
  public ResponseEntity<Map<String, Object>> webhook(
      @PathVariable String key, HttpServletRequest request) {
    return ingest(key, ReceiveChannelController.GENERIC, request);
  }

  private ResponseEntity<Map<String, Object>> ingest(String key, String type,
      HttpServletRequest request) {
    ReceiveChannels.Target target = channels.byKey(key, type);
    ReceiveChannel channel = target.channel();
    Service service = target.service();
    JsonNode body;
    try {
      body = Bodies.parse(Bodies.read(request));
    } catch (Bodies.TooLarge e) {
      throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
    } catch (IOException e) {
      throw ApiException.badRequest(List.of(
          new FieldProblem("body", "could not be read")));
    }
    if (body == null) {
      throw ApiException.badRequest(List.of(
          new FieldProblem("body", "is not valid JSON")));
    }
    List<FieldProblem> bad = JsonGuard.problems(body);
    if (!bad.isEmpty()) {
      throw ApiException.badRequest(bad);
    }
    int alerts = body.path("alerts").isArray() ? body.path("alerts").size() : 1;
    if (alerts > maxAlerts) {
      throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "a request may carry at most "
          + maxAlerts + " alerts; this one has " + alerts + ": send them in smaller batches",
          List.of(new FieldProblem("alerts", "at most " + maxAlerts + " alerts")));
    }
    List<ChannelEvents.Converted> converted = ReceiveChannelController.convert(channel, body);
    List<FieldProblem> problems = converted.stream().filter(c -> c.error() != null)
        .map(c -> {
          int colon = c.error().indexOf(": ");
          return new FieldProblem(c.error().substring(0, Math.max(colon, 0)),
              c.error().substring(colon + 2));
        }).toList();
    if (!problems.isEmpty()) {
      throw ApiException.badRequest(problems);
    }
    List<CompletableFuture<Boolean>> accepted = new ArrayList<>();
    List<String> dedupKeys = new ArrayList<>();
    for (ChannelEvents.Converted c : converted) {
      EventPipeline.Decision decision = pipeline.decide(service, c.event());
      accepted.add(pipeline.submit(decision));
      dedupKeys.add(decision.dedupKey());
    }
    try {
      Bodies.await(accepted);
    } catch (Bodies.NotAccepted e) {
      return unavailable();
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("status", "success");
    answer.put("events", converted.size());
    answer.put("dedupKeys", dedupKeys);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
  }

  /** 503 as problem+json with Retry-After, so that the sender's retry is paced. */
  private static ResponseEntity<Map<String, Object>> unavailable() {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase());
    problem.put("status", HttpStatus.SERVICE_UNAVAILABLE.value());
    problem.put("detail", "the events could not be stored, nothing was recorded; retry later");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "5")
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
