package dev.firebreak.api.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.activities.channel.ReceiveChannelStore;
import dev.firebreak.activities.directory.Service;
import dev.firebreak.activities.directory.ServiceStore;
import dev.firebreak.workflows.alert.Severity;
import dev.firebreak.api.alert.Bodies;
import dev.firebreak.activities.alert.intake.EventPipeline;
import dev.firebreak.api.problem.ApiException;
import dev.firebreak.api.problem.Checker;
import dev.firebreak.workflows.alert.messages.AlertAction;
import dev.firebreak.workflows.incident.messages.Priority;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/receive-channels")
@Tag(name = "Receive channels", description = "Turn a third party's JSON into events")
public class ReceiveChannelController {

  public static final String ALERTMANAGER = "alertmanager";
  public static final String GENERIC = "generic";

  public record CreateRequest(String name, String type, Long serviceId, GenericMapping mapping) {}

  public record ChannelResponse(long id, String name, String type, long serviceId, String key,
      String url, GenericMapping mapping) {

    static ChannelResponse of(ReceiveChannelStore.Channel c) {
      String path = ALERTMANAGER.equals(c.type()) ? "/api/v1/integrations/alertmanager/{key}"
          : "/api/v1/webhooks/{key}";
      String url = ServletUriComponentsBuilder.fromCurrentContextPath().path(path)
          .buildAndExpand(c.key()).toUriString();
      return new ChannelResponse(c.id(), c.name(), c.type(), c.serviceId(), c.key(), url,
          mappingOf(c));
    }
  }

  /** What one event of a sample payload would do. */
  public record PreviewEvent(String action, String dedupKey, String summary, String source,
      String severity, long serviceId, Priority priority, boolean suppressed, String rule) {}

  public record Preview(List<PreviewEvent> events, List<String> errors) {}

  private final ReceiveChannelStore channels;
  private final ServiceStore services;
  private final EventPipeline pipeline;

  public ReceiveChannelController(ReceiveChannelStore channels, ServiceStore services,
      EventPipeline pipeline) {
    this.channels = channels;
    this.services = services;
    this.pipeline = pipeline;
  }

  @PostMapping
  @Operation(summary = "Create a receive channel",
      description = "type alertmanager (Prometheus Alertmanager webhook v4) or generic (any JSON,"
          + " with a mapping of JSON Pointers); 201 with its key and the URL to post to")
  public ResponseEntity<ChannelResponse> create(@RequestBody CreateRequest body) {
    Checker check = new Checker();
    check.require("name", body.name());
    check.maxLength("name", body.name(), 255);
    check.require("type", body.type());
    String type = body.type() == null ? null : body.type().trim().toLowerCase(Locale.ROOT);
    if (type != null && !type.equals(ALERTMANAGER) && !type.equals(GENERIC)) {
      check.problem("type", "'" + body.type() + "' is not one of alertmanager, generic");
    }
    check.require("serviceId", body.serviceId());
    if (body.serviceId() != null && services.find(body.serviceId()).isEmpty()) {
      check.problem("serviceId", "no service " + body.serviceId());
    }
    if (GENERIC.equals(type)) {
      checkMapping(check, body.mapping());
    }
    check.done();
    String mapping = null;
    if (GENERIC.equals(type)) {
      try {
        mapping = Bodies.JSON.writeValueAsString(body.mapping());
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    ReceiveChannelStore.Channel c =
        channels.create(body.name().trim(), type, body.serviceId(), mapping);
    return ResponseEntity.created(URI.create("/api/v1/receive-channels/" + c.id()))
        .body(ChannelResponse.of(c));
  }

  static void checkMapping(Checker check, GenericMapping m) {
    if (m == null) {
      check.problem("mapping", "a generic channel needs a mapping (at least summary)");
      return;
    }
    boolean summaryDefault = m.defaults() != null && m.defaults().get("summary") != null;
    if ((m.summary() == null || m.summary().isBlank()) && !summaryDefault) {
      check.problem("mapping.summary", "is required: a JSON Pointer such as /title, or a constant");
    }
    constant(check, "mapping.severity", m.severity(), true);
    constant(check, "mapping.action", m.action(), false);
    if (m.defaults() != null) {
      constant(check, "mapping.defaults.severity", m.defaults().get("severity"), true);
      constant(check, "mapping.defaults.action", m.defaults().get("action"), false);
    }
    values(check, "mapping.severityValues", m.severityValues(), true);
    values(check, "mapping.actionValues", m.actionValues(), false);
    for (String pointer : new String[] {m.summary(), m.dedupKey(), m.severity(), m.action(),
        m.source()}) {
      if (pointer != null && pointer.startsWith("/") && pointer.contains("//")) {
        check.problem("mapping", "'" + pointer + "' is not a valid JSON Pointer");
      }
    }
  }

  private static void constant(Checker check, String field, String value, boolean severity) {
    if (value == null || value.startsWith("/")) {
      return;
    }
    valid(check, field, value, severity);
  }

  private static void values(Checker check, String field, Map<String, String> map,
      boolean severity) {
    if (map != null) {
      map.forEach((from, to) -> valid(check, field + "." + from, to, severity));
    }
  }

  private static void valid(Checker check, String field, String value, boolean severity) {
    String word = value == null ? null : value.toLowerCase(Locale.ROOT);
    if (severity && Severity.fromWire(word) == null) {
      check.problem(field, "'" + value + "' is not one of critical, error, warning, info");
    }
    if (!severity && AlertAction.fromWire(word) == null) {
      check.problem(field, "'" + value + "' is not one of trigger, acknowledge, resolve");
    }
  }

  @GetMapping
  @Operation(summary = "List receive channels")
  public List<ChannelResponse> list() {
    return channels.list().stream().map(ChannelResponse::of).toList();
  }

  @GetMapping("/{id}")
  @Operation(summary = "One receive channel")
  public ChannelResponse get(@PathVariable long id) {
    return ChannelResponse.of(find(id));
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Delete a receive channel; its key stops working")
  public ResponseEntity<Void> delete(@PathVariable long id) {
    if (!channels.delete(id)) {
      throw ApiException.notFound("no receive channel " + id);
    }
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/preview")
  @Operation(summary = "What a sample payload would produce, without sending anything",
      description = "The events the channel's mapping gives, where routing sends them, and the"
          + " problems that would refuse the payload")
  public Preview preview(@PathVariable long id, HttpServletRequest request) {
    ReceiveChannelStore.Channel c = find(id);
    JsonNode sample;
    try {
      sample = Bodies.parse(Bodies.read(request));
    } catch (IOException | Bodies.TooLarge e) {
      sample = null;
    }
    if (sample == null) {
      throw ApiException.badRequest(List.of(
          new ApiException.FieldProblem("body", "is not valid JSON (at most 512 KB)")));
    }
    Service service = services.find(c.serviceId())
        .orElseThrow(() -> ApiException.notFound("no service " + c.serviceId()));
    List<ChannelEvents.Converted> converted = convert(c, sample);
    List<PreviewEvent> events = converted.stream().filter(x -> x.event() != null)
        .map(x -> {
          EventPipeline.Decision d = pipeline.decide(service, x.event());
          return new PreviewEvent(x.event().action().wire(), d.dedupKey(), x.event().summary(),
              x.event().source(), d.severity(), d.serviceId(), d.priority(), d.suppressed(),
              d.ruleName());
        }).toList();
    List<String> errors = converted.stream().filter(x -> x.error() != null)
        .map(ChannelEvents.Converted::error).toList();
    return new Preview(events, errors);
  }

  static List<ChannelEvents.Converted> convert(ReceiveChannelStore.Channel c, JsonNode body) {
    return ALERTMANAGER.equals(c.type()) ? ChannelEvents.alertmanager(body)
        : ChannelEvents.generic(mappingOf(c), body);
  }

  static GenericMapping mappingOf(ReceiveChannelStore.Channel c) {
    if (c.mapping() == null) {
      return null;
    }
    try {
      return Bodies.JSON.readValue(c.mapping(), GenericMapping.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable mapping of channel " + c.id(), e);
    }
  }

  private ReceiveChannelStore.Channel find(long id) {
    return channels.find(id).orElseThrow(() -> ApiException.notFound("no receive channel " + id));
  }
}
